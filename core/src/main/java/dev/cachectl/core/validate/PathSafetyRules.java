package dev.cachectl.core.validate;

import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.paths.PathShape;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rules of docs/config-reference.md ("What validation rejects, and why") for one configured directory:
 * never the file system root, the home directory, the project root or an ancestor of it, no NUL byte, and a
 * relative path stays inside the project. A cache directory is something {@code clear} deletes the contents of, so each of these would
 * let one command wipe far more than a cache.
 */
final class PathSafetyRules {

    /** A broken rule: its code and the message that says why and how to fix it. */
    record Violation(String code, String message) {
    }

    /** The outcome for one path: where it resolves to, or the rule it breaks. */
    sealed interface Outcome {
        /** The path is safe; this is where it points. */
        record Safe(ResolvedPath path) implements Outcome {
        }

        /** The path breaks a rule. */
        record Unsafe(Violation violation) implements Outcome {
        }
    }

    private final Path projectRoot;
    private final Path home;
    private final ResolvedPath resolvedRoot;
    private final ResolvedPath resolvedHome;

    PathSafetyRules(Path projectRoot, Path home) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.resolvedRoot = ResolvedPath.of(this.projectRoot);
        this.resolvedHome = ResolvedPath.of(this.home);
    }

    /** Checks {@code entry}'s path. */
    Outcome check(ConfiguredPath entry) {
        String raw = entry.raw();
        String name = entry.describe();
        if (raw.indexOf('\0') >= 0) {
            return unsafe("CFG_NUL_BYTE", name + " contains a NUL character (\\u0000), which no file system"
                    + " accepts in a path; remove it");
        }
        if (raw.isEmpty()) {
            // The schema reports empty paths (CFG_EMPTY_PATH); resolving "" would mean the project root.
            return unsafe("CFG_EMPTY_PATH", name + " is an empty path; give a directory or remove the key");
        }
        Optional<String> unexportable = PathShape.unexportable(raw);
        if (unexportable.isPresent()) {
            return unsafe("CFG_UNEXPORTABLE_PATH", name + " " + unexportable.get());
        }
        Optional<String> nonPortable = PathShape.nonPortable(raw);
        if (nonPortable.isPresent()) {
            return unsafe("CFG_NON_PORTABLE_PATH", name + " " + nonPortable.get());
        }
        ResolvedPath path;
        try {
            path = ResolvedPath.of(CachePaths.resolve(projectRoot, home, raw));
        } catch (InvalidPathException e) {
            return unsafe("CFG_INVALID_PATH", name + " is not a valid path on this system (" + e.getReason()
                    + "); write a plain directory path");
        }
        String fix = " Point it at a directory of its own" + (entry.defaultPath().isEmpty() ? ""
                : ", e.g. the default \"" + entry.defaultPath() + "\"") + ".";
        if (path.isFilesystemRoot()) {
            return unsafe("CFG_FILESYSTEM_ROOT", name + " is the root of the file system" + describeReal(path)
                    + "; clearing this cache would delete everything on the disk." + fix);
        }
        if (path.sameAs(resolvedHome) || path.strictlyContains(resolvedHome)) {
            String what = path.sameAs(resolvedHome) ? "is your home directory (" : "contains your home directory (";
            return unsafe("CFG_HOME_DIR", name + " " + what + home + ")" + describeReal(path)
                    + "; clearing this cache would delete your files." + fix);
        }
        if (path.sameAs(resolvedRoot)) {
            return unsafe("CFG_PROJECT_ROOT", name + " is the project root (" + projectRoot + ")" + describeReal(path)
                    + "; clearing this cache would delete the project." + fix);
        }
        if (path.strictlyContains(resolvedRoot)) {
            return unsafe("CFG_ANCESTOR_OF_PROJECT", name + " resolves to " + path.lexical() + ", which contains"
                    + " the project (" + projectRoot + "); clearing this cache would delete the project." + fix);
        }
        Optional<String> vcs = PathShape.vcsSegment(path.lexical()).or(() -> PathShape.vcsSegment(path.canonical()));
        if (vcs.isPresent()) {
            return unsafe("CFG_VCS_METADATA", name + " lies inside version-control metadata (" + vcs.get() + ")"
                    + describeReal(path) + "; clearing this cache would delete the repository's history." + fix);
        }
        Optional<Path> nested = PathShape.vcsChild(path.canonical());
        if (nested.isPresent()) {
            return unsafe("CFG_VCS_METADATA", name + " holds version-control metadata (" + nested.get() + ");"
                    + " clearing this cache would delete that repository." + fix);
        }
        if (isRelative(raw) && !path.lexical().startsWith(projectRoot)) {
            return unsafe("CFG_ESCAPES_PROJECT", name + " climbs out of the project with '..' (it resolves to "
                    + path.lexical() + "); keep relative paths inside the project, or write an absolute path"
                    + " if the cache really lives elsewhere (e.g. on a shared disk)");
        }
        return new Outcome.Safe(path);
    }

    /**
     * The rules for a directory's real path, found when a command pins a cache (after validation, so a link
     * planted or swapped since then is caught too): not the root, home, the project or an ancestor of it, not
     * in or holding VCS metadata.
     */
    Optional<Violation> checkReal(String name, Path real) {
        ResolvedPath path = new ResolvedPath(real, real);
        String where = name + " really is " + real;
        if (path.isFilesystemRoot()) {
            return Optional.of(new Violation("CFG_FILESYSTEM_ROOT", where + ", the root of the file system"));
        }
        if (path.sameAs(resolvedHome) || path.strictlyContains(resolvedHome)) {
            return Optional.of(new Violation("CFG_HOME_DIR", where + ", which is or holds your home directory"));
        }
        if (path.sameAs(resolvedRoot) || path.strictlyContains(resolvedRoot)) {
            return Optional.of(new Violation("CFG_ANCESTOR_OF_PROJECT", where + ", which is or holds the project"));
        }
        Optional<String> vcs = PathShape.vcsSegment(real);
        if (vcs.isPresent()) {
            return Optional.of(new Violation("CFG_VCS_METADATA", where + ", inside version-control metadata ("
                    + vcs.get() + ")"));
        }
        return PathShape.vcsChild(real).map(child -> new Violation("CFG_VCS_METADATA", where + ", which holds"
                + " version-control metadata (" + child + ")"));
    }

    /** ", which is really X" when links make the real directory differ from the written one. */
    private static String describeReal(ResolvedPath path) {
        return path.canonical().equals(path.lexical()) ? "" : " (it really is " + path.canonical() + ")";
    }

    /** Relative to the project root: neither absolute nor under {@code ~}. */
    private static boolean isRelative(String raw) {
        if (raw.equals("~") || raw.startsWith("~/") || raw.startsWith("/") || raw.startsWith("\\")) {
            return false;
        }
        try {
            return !Path.of(raw).isAbsolute();
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private static Outcome unsafe(String code, String message) {
        return new Outcome.Unsafe(new Violation(code, message));
    }
}
