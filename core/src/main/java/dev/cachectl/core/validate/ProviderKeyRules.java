package dev.cachectl.core.validate;

import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The sections keyed by provider id ({@code application_caches}, {@code model_caches}, {@code providers})
 * may only name providers that are loaded, and a cache directory belongs in its provider's own section. A
 * key nobody reads is a setting the user believes in and cachectl ignores.
 */
final class ProviderKeyRules {

    /** A key that breaks a rule. */
    record Finding(String code, String pointer, String message) {
    }

    private static final Pattern VALID_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    static final List<String> SECTIONS = List.of("application_caches", "model_caches", "providers");

    private ProviderKeyRules() {
    }

    /** The findings for the {@code cache} section {@code cache}. */
    static List<Finding> check(JsonNode cache, ProviderRegistry registry) {
        List<Finding> findings = new ArrayList<>();
        for (String section : SECTIONS) {
            for (Map.Entry<String, JsonNode> member : cache.path(section).properties()) {
                String id = member.getKey();
                String pointer = JsonPointers.child("/cache/" + section, id);
                Optional<RegisteredProvider> provider = registry.find(id);
                if (!VALID_ID.matcher(id).matches()) {
                    continue; // the schema already reports it as CFG_INVALID_ID
                }
                if (provider.isEmpty()) {
                    findings.add(unknown(id, pointer, registry));
                } else if (!section.equals("providers") && !provider.get().configKey().pointer().equals(pointer)) {
                    RegisteredProvider p = provider.get();
                    findings.add(new Finding("CFG_WRONG_SECTION", pointer, JsonPointers.describe(pointer)
                            + ": '" + id + "' is " + (p.category().jsonName().startsWith("a") ? "an " : "a ")
                            + p.category().jsonName() + " cache, configured at " + p.configKey().dotted()
                            + "; move the path there (this key is ignored)"));
                }
            }
        }
        return findings;
    }

    /**
     * A key naming no loaded provider: {@code CFG_PROVIDER_NOT_LOADED} when a provider with that id, or a plugin
     * whose ids are unknown (a jar that did not load, a class that could not be created), failed to load, so the
     * key may well be right and the plugin broken; {@code CFG_UNKNOWN_PROVIDER} otherwise.
     */
    private static Finding unknown(String id, String pointer, ProviderRegistry registry) {
        String where = JsonPointers.describe(pointer);
        Optional<ProviderFailure> failed = registry.failures().stream().filter(f -> f.id().equals(id)).findFirst();
        if (failed.isPresent()) {
            return new Finding(ConfigValidator.PROVIDER_NOT_LOADED, pointer, where + ": provider '" + id
                    + "' failed to load (" + failed.get().reason() + "); fix or reinstall its plugin, or remove the key");
        }
        List<String> unidentified = registry.failures().stream().filter(f -> !VALID_ID.matcher(f.id()).matches())
                .map(f -> f.origin().jar().isEmpty() ? f.id() : f.origin().jar()).distinct().toList();
        if (!unidentified.isEmpty()) {
            return new Finding(ConfigValidator.PROVIDER_NOT_LOADED, pointer, where + ": no provider with id '" + id
                    + "' is loaded, and " + (unidentified.size() == 1 ? "a plugin" : unidentified.size() + " plugins")
                    + " failed to load (" + String.join(", ", unidentified) + "), maybe this one; fix or remove "
                    + (unidentified.size() == 1 ? "it" : "them") + " ('cachectl providers' says why), or remove the key");
        }
        List<String> ids = registry.providers().stream().map(RegisteredProvider::id).toList();
        String hint = NearestName.suggest(id, ids).map(s -> "did you mean '" + s + "'? Otherwise ").orElse("");
        return new Finding("CFG_UNKNOWN_PROVIDER", pointer, where + ": no provider with id '" + id + "' is loaded; "
                + hint + "install its plugin or remove the key ('cachectl providers' lists the loaded ones)");
    }
}
