package dev.cachectl.core.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A directory in two forms: as written (absolute and normalised) and as the file system sees it today
 * (symbolic links of its existing part resolved). The safety rules compare both, so a link named
 * {@code cache} that points at the home directory is caught like {@code ~} itself.
 *
 * @param lexical   absolute and normalised, no file system access
 * @param canonical the real path of the longest existing prefix, with the rest appended
 */
record ResolvedPath(Path lexical, Path canonical) {

    /** Both forms of an absolute path. */
    static ResolvedPath of(Path absolute) {
        Path lexical = absolute.toAbsolutePath().normalize();
        return new ResolvedPath(lexical, canonical(lexical));
    }

    /** Whether this is the file system root (in either form). */
    boolean isFilesystemRoot() {
        return lexical.getParent() == null || canonical.getParent() == null;
    }

    /** Whether both name the same directory. */
    boolean sameAs(ResolvedPath other) {
        return lexical.equals(other.lexical) || canonical.equals(other.canonical);
    }

    /** Whether {@code other} lies strictly inside this directory. */
    boolean strictlyContains(ResolvedPath other) {
        return !sameAs(other) && (other.lexical.startsWith(lexical) || other.canonical.startsWith(canonical));
    }

    private static Path canonical(Path lexical) {
        Path existing = lexical;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return lexical;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(lexical)).normalize();
        } catch (IOException | SecurityException e) {
            // A dangling link or an unreadable parent: the written form is all there is to compare.
            return lexical;
        }
    }
}
