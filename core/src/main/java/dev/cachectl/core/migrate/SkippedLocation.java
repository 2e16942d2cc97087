package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A would-be source that the migration leaves alone as a whole, with the reason.
 *
 * @param path     the location
 * @param provider the provider it was considered for; empty when none fits
 * @param origin   why it was considered (e.g. {@code HF_HUB_CACHE}, {@code legacy cache})
 * @param reason   why it is skipped and what to do
 * @param blocking whether data stays behind that the user asked to move (the command exits 1)
 */
public record SkippedLocation(Path path, String provider, String origin, String reason, boolean blocking) {

    /** Validates the fields. */
    public SkippedLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }
}
