package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import java.util.Objects;

/**
 * An entry a deletion is about to remove, as shown to {@link KeepRule}s: seen without following symbolic links,
 * before anything below it is touched.
 *
 * @param relativePath   the path from the deletion root, {@code /}-separated, never empty
 * @param kind           what the entry is
 * @param size           its apparent size ({@code st_size}; for a directory, the directory's own)
 * @param modifiedMillis its last modification, milliseconds since the epoch
 */
public record DeletionCandidate(String relativePath, EntryKind kind, long size, long modifiedMillis) {

    /** Validates the fields. */
    public DeletionCandidate {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(kind, "kind");
    }

    /** The last path segment. */
    public String name() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
