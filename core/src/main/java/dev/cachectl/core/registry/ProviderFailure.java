package dev.cachectl.core.registry;

import java.util.Objects;

/**
 * A provider that could not be used, reported instead of stopping the run.
 *
 * @param id     the provider's id, or its class name (or jar) when the id is unknown
 * @param origin where it came from
 * @param reason what went wrong and how to fix it, one line
 */
public record ProviderFailure(String id, ProviderOrigin origin, String reason) {

    /** Validates the fields. */
    public ProviderFailure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }
}
