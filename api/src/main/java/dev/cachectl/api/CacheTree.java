package dev.cachectl.api;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of one provider's cache directory, implemented by the host. Paths are relative to that
 * directory and use {@code /}; the empty string is the directory itself. A path that leaves the directory
 * ({@code ..}, absolute) is treated as missing. Symbolic links are never followed.
 *
 * <p>Reads that fail (missing entries, permission errors) return empty results; the host reports them.
 */
public interface CacheTree {

    /** The entries of a directory, sorted by name; empty when it is missing or not a directory. */
    List<TreeEntry> list(String relativeDirectory);

    /** The entry at a path, without following a final symlink. */
    Optional<TreeEntry> entry(String relativePath);

    /** The target of a symbolic link, exactly as stored in the link. */
    Optional<String> readLink(String relativePath);

    /**
     * The content of a small regular file as UTF-8 text; empty when missing, not a regular file, not UTF-8
     * or longer than {@code maxBytes}.
     */
    Optional<String> readText(String relativePath, int maxBytes);
}
