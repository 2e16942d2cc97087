package dev.cachectl.core.gitignore;

import dev.cachectl.api.HostEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The git work tree a folder belongs to, found as git finds it: the nearest {@code .git} upwards, a folder or
 * a {@code gitdir:} file (worktrees, submodules). Also reads the two settings ignore matching depends on,
 * {@code core.ignorecase} and {@code core.excludesFile}, from the user and repository config files (includes
 * are not followed).
 *
 * @param workTree  the top of the work tree
 * @param gitDir    the repository folder of this work tree
 * @param commonDir the folder shared by all work trees ({@code info/exclude} lives there)
 */
public record GitRepository(Path workTree, Path gitDir, Path commonDir) {

    /** The repository holding {@code start}, if any. */
    public static Optional<GitRepository> locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            try {
                if (Files.isDirectory(dotGit)) {
                    return Optional.of(new GitRepository(dir, dotGit, commonDir(dotGit)));
                }
                if (Files.isRegularFile(dotGit)) {
                    String content = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                    if (content.startsWith("gitdir:")) {
                        Path gitDir = dir.resolve(content.substring("gitdir:".length()).strip()).normalize();
                        return Optional.of(new GitRepository(dir, gitDir, commonDir(gitDir)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Path commonDir(Path gitDir) throws IOException {
        Path pointer = gitDir.resolve("commondir");
        if (Files.isRegularFile(pointer)) {
            return gitDir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()).normalize();
        }
        return gitDir;
    }

    /** {@code info/exclude} of this repository. */
    public Path infoExclude() {
        return commonDir.resolve("info").resolve("exclude");
    }

    /** The user's global ignore file: {@code core.excludesFile}, else {@code $XDG_CONFIG_HOME/git/ignore}. */
    static Path globalExcludes(HostEnvironment host, Optional<GitRepository> repository) {
        Optional<String> configured = setting(host, repository, "excludesfile");
        if (configured.isPresent()) {
            String value = configured.get();
            return value.startsWith("~/") ? host.home().resolve(value.substring(2)) : Path.of(value);
        }
        return xdgConfigHome(host).resolve("git").resolve("ignore");
    }

    /** {@code core.ignorecase} as the repository sets it (false when unset). */
    static boolean ignoreCase(HostEnvironment host, Optional<GitRepository> repository) {
        return setting(host, repository, "ignorecase").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            default -> false;
        }).orElse(false);
    }

    private static Path xdgConfigHome(HostEnvironment host) {
        return host.get("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                .orElse(host.home().resolve(".config"));
    }

    /** A {@code [core]} key from the user's and the repository's config, the later file winning. */
    private static Optional<String> setting(HostEnvironment host, Optional<GitRepository> repository, String key) {
        List<Path> files = new java.util.ArrayList<>(List.of(xdgConfigHome(host).resolve("git").resolve("config"),
                host.home().resolve(".gitconfig")));
        repository.ifPresent(r -> files.add(r.commonDir().resolve("config")));
        Optional<String> value = Optional.empty();
        for (Path file : files) {
            Optional<String> found = coreSetting(file, key);
            if (found.isPresent()) {
                value = found;
            }
        }
        return value;
    }

    private static Optional<String> coreSetting(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        boolean inCore = false;
        Optional<String> value = Optional.empty();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inCore = line.toLowerCase(Locale.ROOT).matches("\\[\\s*core\\s*]");
                continue;
            }
            int eq = line.indexOf('=');
            if (inCore && eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase(key)) {
                String v = line.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                value = Optional.of(v);
            }
        }
        return value;
    }
}
