package dev.cachectl.core.registry;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheLayout;
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
import java.util.concurrent.Callable;

/**
 * A provider that loaded, with its metadata read once (inside the registry's failure boundary) and every
 * later SPI call guarded by the same boundary ({@code ProviderCalls}): a throw, a {@code null}, an answer that
 * breaks the contract (details without a JSON form, a finding code outside the provider's namespace, a path
 * that leaves the cache) or a plugin call that misses its deadline becomes a {@link ProviderCallException}
 * naming the provider, so a caller can report it and go on with the others. After a missed deadline the
 * provider is not called again in this run.
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
 * @param health      how its calls run (deadline) and whether it has been given up on in this run
 */
public record RegisteredProvider(CacheProvider provider, String id, String displayName, CacheCategory category,
                                 ConfigKey configKey, String defaultPath, CacheRules rules, String version,
                                 int apiVersion, ProviderOrigin origin, Optional<String> settingsSchema,
                                 ProviderHealth health) {

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
        Objects.requireNonNull(health, "health");
    }

    /** The variables for a cache in {@code directory}. */
    public EnvironmentSpec environment(Path directory) {
        return guard("environment()", () -> provider.environment(directory));
    }

    /** Where the same kind of cache usually lives outside the project. */
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        return guard("outsideLocations()", () -> ProviderAnswers.outsideLocations(provider.outsideLocations(host)));
    }

    /** What the top level of its cache looks like, for migrate; every target relative and inside the cache. */
    public CacheLayout layout() {
        return guard("layout()", () -> ProviderAnswers.layout(provider.layout()));
    }

    /** Problems the provider notices in its tree. */
    public List<CacheFinding> inspect(CacheTree tree) {
        return guard("inspect()", () -> ProviderAnswers.findings(provider.inspect(tree), id, origin.builtIn()));
    }

    /** The provider's own view of its tree, as plain JSON-representable values. */
    public CacheDetails details(CacheTree tree) {
        return guard("details()", () -> ProviderAnswers.details(provider.details(tree)));
    }

    /** The entry a held lock protects, relative to the cache directory. */
    public String lockedEntry(String lockPath) {
        return guard("lockedEntry()", () -> ProviderAnswers.relativeInside(provider.lockedEntry(lockPath),
                "lockedEntry()"));
    }

    private <T> T guard(String method, Callable<T> call) {
        Optional<String> givenUp = health.givenUp();
        if (givenUp.isPresent()) {
            throw new ProviderCallException(id, origin, method, "not called: " + givenUp.get());
        }
        try {
            return ProviderCalls.run(() -> {
                T result = call.call();
                if (result == null) {
                    throw new ProviderCalls.ContractViolation("returned null");
                }
                return result;
            }, health.deadlineOrNull());
        } catch (ProviderCalls.Failure failure) {
            if (failure.timedOut()) {
                health.giveUp(method + " " + failure.getMessage() + " earlier in this run");
            }
            throw new ProviderCallException(id, origin, method, failure);
        }
    }
}
