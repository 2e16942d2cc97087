package dev.cachectl.core.migrate;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * One top-level pattern of a provider's declared layout ({@link dev.cachectl.api.OutsideLocation#layout()},
 * {@link dev.cachectl.api.CacheLayout}): a glob matched against one name; a trailing {@code /} restricts it to
 * directories.
 *
 * @param matcher       the glob, without the trailing {@code /}
 * @param directoryOnly whether only a directory matches
 */
record EntryPattern(PathMatcher matcher, boolean directoryOnly) {

    /** The pattern as a provider writes it, e.g. {@code models--*}, {@code hub/}. */
    static EntryPattern of(String pattern) {
        boolean directory = pattern.endsWith("/");
        String glob = directory ? pattern.substring(0, pattern.length() - 1) : pattern;
        return new EntryPattern(FileSystems.getDefault().getPathMatcher("glob:" + glob), directory);
    }

    static List<EntryPattern> all(List<String> patterns) {
        return patterns.stream().map(EntryPattern::of).toList();
    }

    /** Whether an entry called {@code name}, a directory or not, matches. */
    boolean matches(String name, boolean directory) {
        return (directory || !directoryOnly) && !name.isEmpty() && matcher.matches(Path.of(name));
    }

    /** Whether {@code name} matches the glob, whatever the entry is. */
    boolean matchesName(String name) {
        return !name.isEmpty() && matcher.matches(Path.of(name));
    }
}
