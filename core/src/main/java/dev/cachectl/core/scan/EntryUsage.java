package dev.cachectl.core.scan;

import dev.cachectl.api.EntryKind;
import java.util.Objects;

/**
 * One entry of a directory and what its subtree holds (for a file or link: the entry itself).
 *
 * @param name  the entry's file name
 * @param kind  what the entry is, without following a symbolic link
 * @param usage the entry's subtree measured like {@code du -s}; a file hard-linked from several entries of
 *              the same listing counts in the first of them by name only
 */
public record EntryUsage(String name, EntryKind kind, TreeUsage usage) {

    /** Validates the fields. */
    public EntryUsage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(usage, "usage");
    }
}
