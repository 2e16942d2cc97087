package dev.cachectl.core.clear;

import dev.cachectl.core.delete.PinnedDirectory;
import dev.cachectl.core.workspace.CacheLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One cache of a clear's plan: pinned where it really is, or the reason it is left alone. Made by
 * {@link CacheClearer#plan}; the measuring pass, the prompt and the deletion all use the same pin, so what is
 * deleted is the directory that was shown.
 *
 * @param location the cache
 * @param pinned   its directory, pinned; empty when skipped or refused
 * @param skipped  why it is left alone without that being a problem (it does not exist)
 * @param refused  why it cannot be cleared (not a directory, unsafe real path, cannot be opened)
 */
public record ClearTarget(CacheLocation location, Optional<PinnedDirectory> pinned, Optional<String> skipped,
                          Optional<String> refused) {

    /** Validates the fields. */
    public ClearTarget {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(skipped, "skipped");
        Objects.requireNonNull(refused, "refused");
    }
}
