package dev.cachectl.core.scan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A path that could not be read during a walk; the walk measured everything else.
 *
 * @param path    the entry (absolute when the walk's root was)
 * @param message what went wrong, e.g. {@code "cannot read directory: Permission denied"}
 */
public record ScanError(Path path, String message) {

    /** Validates the fields. */
    public ScanError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
