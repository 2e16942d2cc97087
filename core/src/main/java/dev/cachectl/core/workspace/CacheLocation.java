package dev.cachectl.core.workspace;

import dev.cachectl.core.registry.RegisteredProvider;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one provider's cache lives in this project.
 *
 * @param provider   the provider
 * @param directory  absolute, normalised directory
 * @param configured the path as written in the config, or the default when {@code fromConfig} is false
 * @param fromConfig whether the config names this directory
 */
public record CacheLocation(RegisteredProvider provider, Path directory, String configured, boolean fromConfig) {

    /** Validates the fields. */
    public CacheLocation {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(configured, "configured");
    }

    /** The provider's id. */
    public String id() {
        return provider.id();
    }
}
