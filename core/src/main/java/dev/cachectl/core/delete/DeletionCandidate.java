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
 * @param identity       which file system object it is ({@link dev.cachectl.core.fs.internal.FileIdentity}, or an
 *                       opaque NIO {@code fileKey}), or {@code null} where the platform cannot tell; compare it
 *                       with {@link dev.cachectl.core.fs.internal.FileIdentity#ofKey} of a recorded
 *                       {@code fileKey} to delete only what is still the object that was recorded
 */
public record DeletionCandidate(String relativePath, EntryKind kind, long size, long modifiedMillis,
                                Object identity) {

    /** Validates the fields. */
    public DeletionCandidate {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(kind, "kind");
    }

    /** A candidate whose identity is not known. */
    public DeletionCandidate(String relativePath, EntryKind kind, long size, long modifiedMillis) {
        this(relativePath, kind, size, modifiedMillis, null);
    }

    /** The last path segment. */
    public String name() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
