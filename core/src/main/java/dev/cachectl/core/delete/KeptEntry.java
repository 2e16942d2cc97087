package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import java.util.Objects;

/**
 * An entry a deletion left in place on purpose, with everything below it.
 *
 * @param relativePath its path from the root
 * @param kind         what it is
 * @param reason       why, e.g. {@code "protected"} or a {@link KeepRule}'s reason
 */
public record KeptEntry(String relativePath, EntryKind kind, String reason) {

    /** Validates the fields. */
    public KeptEntry {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
