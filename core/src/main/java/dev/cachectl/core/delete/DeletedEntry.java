package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.scan.TreeUsage;
import java.util.Objects;

/**
 * One requested entry (for a clear: one entry of the root) and what its deletion freed.
 *
 * @param relativePath the entry's path from the root
 * @param kind         what it was
 * @param freed        what was removed (or a dry run would remove) from it, measured like {@code du -s}: the
 *                     directories' own sizes included, a hard-linked file counted once in the whole deletion
 *                     (in the first entry that has it); its {@code errors} list is always empty, see
 *                     {@link DeletionReport#errors()}
 * @param removed      whether the entry itself is gone (false when something inside it was kept or could not
 *                     be deleted)
 */
public record DeletedEntry(String relativePath, EntryKind kind, TreeUsage freed, boolean removed) {

    /** Validates the fields. */
    public DeletedEntry {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(freed, "freed");
    }
}
