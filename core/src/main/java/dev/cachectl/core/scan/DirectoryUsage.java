package dev.cachectl.core.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A directory measured entry by entry, from one walk.
 *
 * @param directory the directory
 * @param total     the whole tree, the directory's own entry included: the same as
 *                  {@link TreeScanner#scan(Path)} on it, errors included
 * @param entries   each entry of the directory with its own subtree, sorted by name; the entries' figures
 *                  plus the directory's own inode add up to {@code total}
 */
public record DirectoryUsage(Path directory, TreeUsage total, List<EntryUsage> entries) {

    /** Validates and copies. */
    public DirectoryUsage {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(total, "total");
        entries = List.copyOf(entries);
    }
}
