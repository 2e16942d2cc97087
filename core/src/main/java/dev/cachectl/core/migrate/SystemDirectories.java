package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directories a migration never moves from, whatever a variable or a provider names: the operating
 * system's own trees (and everything in them), and folders that hold everyone's or everything's files (only
 * the folder itself: a cache may well live inside it). Paths are checked as given and after resolving every
 * symbolic link, so a link to {@code /etc} is refused like {@code /etc}.
 */
final class SystemDirectories {

    /** Refused together with everything inside them. */
    static final List<String> TREES = List.of("/etc", "/usr", "/var", "/opt", "/boot", "/bin", "/sbin", "/lib",
            "/lib32", "/lib64", "/libx32", "/dev", "/proc", "/sys", "/run", "/srv", "/snap", "/lost+found",
            "/System", "/Library", "/Applications", "/private", "/cores");

    /** Refused themselves; what is inside them is judged on its own (scratch space, users' homes, mounts). */
    static final List<String> FOLDERS = List.of("/", "/root", "/home", "/Users", "/tmp", "/var/tmp", "/dev/shm",
            "/mnt", "/media", "/Volumes", "/private/tmp", "/private/var/tmp", "/private/var/folders");

    /**
     * Inside a refused tree, but scratch space where users' files live: judged on their own (their children
     * are allowed). macOS keeps per-user temporary folders in {@code /private/var/folders}.
     */
    private static final List<String> SCRATCH = List.of("/tmp", "/var/tmp", "/dev/shm", "/private/tmp",
            "/private/var/tmp", "/private/var/folders");

    private SystemDirectories() {
    }

    /**
     * Why {@code path} (absolute, normalised) must not be moved from; empty when it may be. A path inside the
     * project (its legacy caches, hub repos misplaced in its HF_HOME) is the project's own, wherever the
     * project lives ({@code /opt/app}, {@code /srv/app}).
     */
    static Optional<String> refusal(Path path, Path home, Path project) {
        if (path.getParent() == null) {
            return Optional.of("is a file system root");
        }
        if (project.getParent() != null && path.startsWith(project) && !path.equals(project)) {
            return Optional.empty();
        }
        if (path.equals(home)) {
            return Optional.of("is your home directory");
        }
        for (String folder : FOLDERS) {
            if (path.equals(Path.of(folder))) {
                return Optional.of("is " + folder + ", a folder shared by everything in it");
            }
        }
        for (String scratch : SCRATCH) {
            if (path.startsWith(Path.of(scratch))) {
                return Optional.empty();
            }
        }
        for (String tree : TREES) {
            Path system = Path.of(tree);
            if (path.startsWith(system)) {
                return Optional.of((path.equals(system) ? "is " : "is inside ") + tree + ", a system directory");
            }
        }
        return Optional.empty();
    }
}
