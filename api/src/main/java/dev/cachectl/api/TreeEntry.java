package dev.cachectl.api;

import java.util.Objects;

/**
 * One entry of a cache directory as read by the host, without following symbolic links.
 *
 * @param name          the file name (no separators)
 * @param kind          what the entry is
 * @param size          the apparent size in bytes ({@code st_size}); for a symlink, the length of its target
 * @param modifiedMillis last modification time, milliseconds since the epoch
 */
public record TreeEntry(String name, EntryKind kind, long size, long modifiedMillis) {

    /** Validates the fields. */
    public TreeEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
