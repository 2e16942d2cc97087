package dev.cachectl.core.registry;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.CacheRules;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A provider that loaded, with its metadata read once (inside the registry's failure boundary) and every
 * later SPI call guarded: a throw or a {@code null} becomes a {@link ProviderCallException} naming the
 * provider, so a caller can report it and go on with the others.
 *
 * @param provider    the instance
 * @param id          its validated id
 * @param displayName its display name
 * @param category    model or application
 * @param configKey   where its directory is configured
 * @param defaultPath its default directory relative to the project root
 * @param rules       what to respect when deleting or moving
 * @param version     its version string
 * @param apiVersion  the SPI version it was built against
 * @param origin      where it came from
 * @param settingsSchema the JSON Schema of its settings at {@code cache.providers.<id>}, when it ships one
 *                    ({@link ProviderSettingsSchema})
 */
public record RegisteredProvider(CacheProvider provider, String id, String displayName, CacheCategory category,
                                 ConfigKey configKey, String defaultPath, CacheRules rules, String version,
                                 int apiVersion, ProviderOrigin origin, Optional<String> settingsSchema) {

    /** Validates the fields. */
    public RegisteredProvider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(defaultPath, "defaultPath");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(settingsSchema, "settingsSchema");
    }

    /** The variables for a cache in {@code directory}. */
    public EnvironmentSpec environment(Path directory) {
        return guard("environment()", () -> provider.environment(directory));
    }

    /** Where the same kind of cache usually lives outside the project. */
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        return guard("outsideLocations()", () -> List.copyOf(provider.outsideLocations(host)));
    }

    /** Problems the provider notices in its tree. */
    public List<CacheFinding> inspect(CacheTree tree) {
        return guard("inspect()", () -> List.copyOf(provider.inspect(tree)));
    }

    /** The provider's own view of its tree. */
    public CacheDetails details(CacheTree tree) {
        return guard("details()", () -> provider.details(tree));
    }

    /** The entry a held lock protects. */
    public String lockedEntry(String lockPath) {
        return guard("lockedEntry()", () -> provider.lockedEntry(lockPath));
    }

    private <T> T guard(String method, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | LinkageError e) {
            throw new ProviderCallException(id, origin, method, e);
        }
        if (result == null) {
            throw new ProviderCallException(id, origin, method, new NullPointerException("returned null"));
        }
        return result;
    }
}
