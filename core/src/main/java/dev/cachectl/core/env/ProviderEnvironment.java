package dev.cachectl.core.env;

import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.core.workspace.CacheLocation;
import java.util.Objects;

/**
 * What one provider asked to export for its cache.
 *
 * @param location the provider's cache
 * @param spec     the variables it sets and unsets
 */
public record ProviderEnvironment(CacheLocation location, EnvironmentSpec spec) {

    /** Validates the fields. */
    public ProviderEnvironment {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(spec, "spec");
    }
}
