package dev.cachectl.core.registry;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.core.paths.PathShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Collects providers in discovery order, reading each one's metadata inside a failure boundary and refusing
 * the ones that break the SPI contract or repeat an id already taken.
 */
final class ProviderRegistryBuilder {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final Map<String, RegisteredProvider> byId = new LinkedHashMap<>();
    private final List<ProviderFailure> failures = new ArrayList<>();
    private final ProviderDeadline deadline;

    /** A builder whose plugin providers' calls run under {@code deadline}. */
    ProviderRegistryBuilder(ProviderDeadline deadline) {
        this.deadline = deadline;
    }

    /** The deadline of plugin calls. */
    ProviderDeadline deadline() {
        return deadline;
    }

    /** Records a failure found before a provider could be created. */
    void fail(ProviderFailure failure) {
        failures.add(failure);
    }

    /** Adds a provider, or records why it cannot be used. */
    void add(CacheProvider provider) {
        ProviderOrigin origin = ProviderOrigin.of(provider.getClass());
        ProviderHealth health = origin.builtIn() ? ProviderHealth.inline() : ProviderHealth.underDeadline(deadline);
        AtomicReference<String> subject = new AtomicReference<>(provider.getClass().getName());
        RegisteredProvider registered;
        try {
            registered = ProviderCalls.run(() -> describe(provider, origin, health, subject), health.deadlineOrNull());
        } catch (ProviderCalls.Failure failure) {
            if (failure.getCause() instanceof InvalidProviderException invalid) {
                failures.add(new ProviderFailure(subject.get(), origin, invalid.code, invalid.getMessage()));
            } else if (failure.timedOut()) {
                failures.add(new ProviderFailure(subject.get(), origin, "PROVIDER_TIMEOUT", "gave up while it described"
                        + " itself: it " + failure.getMessage() + "; report it to the provider's author or remove its"
                        + " jar"));
            } else {
                failures.add(new ProviderFailure(subject.get(), origin, "PROVIDER_CALL", "failed while describing"
                        + " itself: " + failure.getMessage() + "; report it to the provider's author or remove its jar"));
            }
            return;
        }
        RegisteredProvider existing = byId.get(registered.id());
        if (existing != null) {
            failures.add(new ProviderFailure(registered.id(), origin, "PROVIDER_DUPLICATE_ID",
                    duplicate(existing, origin)));
            return;
        }
        byId.put(registered.id(), registered);
    }

    private static String duplicate(RegisteredProvider existing, ProviderOrigin second) {
        ProviderOrigin first = existing.origin();
        // Another module claiming a built-in id is a takeover; one module repeating an id is just a duplicate.
        if (first.builtIn() && !first.module().equals(second.module())) {
            return "the id '" + existing.id() + "' belongs to the built-in provider of " + first.module()
                    + "; built-in ids cannot be taken over: give this provider another id";
        }
        return "duplicate provider id '" + existing.id() + "': already provided by " + first.module() + " ("
                + first.source() + "), which is used; remove one of the two jars or give one of the providers"
                + " another id";
    }

    private static RegisteredProvider describe(CacheProvider provider, ProviderOrigin origin, ProviderHealth health,
                                               AtomicReference<String> subject) throws InvalidProviderException {
        subject.set(String.valueOf(provider.id()));
        int api = provider.apiVersion();
        if (api < CacheProvider.MIN_SUPPORTED_API_VERSION || api > CacheProvider.API_VERSION) {
            throw new InvalidProviderException("PROVIDER_API_VERSION", "built against cachectl API version " + api
                    + ", but this cachectl supports versions " + CacheProvider.MIN_SUPPORTED_API_VERSION + " to "
                    + CacheProvider.API_VERSION + "; rebuild the provider against this cachectl's api jar");
        }
        String id = require(provider.id(), "id()");
        if (!ID.matcher(id).matches()) {
            throw new InvalidProviderException("PROVIDER_CONTRACT", "invalid id '" + id + "': use 1-64 lowercase"
                    + " letters, digits, '_' or '-', starting with a letter");
        }
        String defaultPath = require(provider.defaultPath(), "defaultPath()");
        Optional<String> pathProblem = PathShape.defaultPathProblem(defaultPath);
        if (pathProblem.isPresent()) {
            throw new InvalidProviderException("PROVIDER_CONTRACT", "invalid default path '" + defaultPath
                    + "': " + pathProblem.get());
        }
        CacheCategory category = require(provider.category(), "category()");
        ConfigKey configKey = require(provider.configKey(), "configKey()");
        if (!origin.builtIn()) {
            requirePluginConfigKey(id, category, configKey);
        }
        Optional<String> settingsSchema;
        try {
            settingsSchema = ProviderSettingsSchema.read(provider.getClass(), id);
        } catch (ProviderSettingsSchema.InvalidSchemaException e) {
            throw new InvalidProviderException("PROVIDER_CONTRACT", "ships an unusable settings schema: "
                    + e.getMessage() + "; report it to the provider's author");
        }
        return new RegisteredProvider(provider, id, require(provider.displayName(), "displayName()"), category,
                configKey, defaultPath, require(provider.rules(), "rules()"), require(provider.version(), "version()"),
                api, origin, settingsSchema, health);
    }

    /**
     * A plugin's directory lives in the map of its category, under its id: the config schema allows no other
     * keys in the {@code cache} section, so any other key could never be configured.
     */
    private static void requirePluginConfigKey(String id, CacheCategory category, ConfigKey configKey)
            throws InvalidProviderException {
        String map = category == CacheCategory.MODEL ? "model_caches" : "application_caches";
        if (!configKey.equals(ConfigKey.of(map, id))) {
            throw new InvalidProviderException("PROVIDER_CONTRACT", "configKey() is " + configKey.dotted()
                    + ", but a plugin's " + category.jsonName() + " cache is configured at cache." + map + "." + id
                    + "; return ConfigKey.of(\"" + map + "\", id())");
        }
    }

    private static <T> T require(T value, String method) throws InvalidProviderException {
        if (value == null) {
            throw new InvalidProviderException("PROVIDER_CONTRACT", method + " returned null, which the SPI forbids;"
                    + " report it to the provider's author");
        }
        return value;
    }

    /** The registry: model caches first, then application caches, each by id. */
    ProviderRegistry build() {
        List<RegisteredProvider> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(RegisteredProvider::category).thenComparing(RegisteredProvider::id));
        return new ProviderRegistry(sorted, failures);
    }

    /** A provider that answered, but broke the SPI contract. */
    private static final class InvalidProviderException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String code;

        InvalidProviderException(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
