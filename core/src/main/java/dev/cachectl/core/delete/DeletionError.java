package dev.cachectl.core.delete;

import java.util.Objects;

/**
 * An entry that could not be deleted; the deletion went on with the rest.
 *
 * @param relativePath its path from the root ({@code ""} for the root itself)
 * @param message      what went wrong, e.g. {@code "cannot remove: Permission denied"}
 */
public record DeletionError(String relativePath, String message) {

    /** Validates the fields. */
    public DeletionError {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(message, "message");
    }
}
