package dev.cachectl.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.json.CoreJson;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.ProviderSettingsSchema;
import dev.cachectl.core.registry.RegisteredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Applies the settings schema a provider ships in its jar ({@link ProviderSettingsSchema}) to its section
 * {@code cache.providers.<id>}, so CI validates third-party settings too. Problems are reported like the core
 * schema's (file, line, column, JSON pointer) under one code, {@code CFG_PROVIDER_SETTINGS}, with the
 * provider named. A section that is not an object is left to the core schema, which reports it.
 */
final class ProviderSettingsRules {

    static final String CODE = "CFG_PROVIDER_SETTINGS";

    /** Keywords whose error is about a member name, so the key is what to point at. */
    private static final Set<String> KEY_KEYWORDS = Set.of("additionalProperties", "unevaluatedProperties",
            "propertyNames");

    private final LoadedConfig config;
    private final ProviderRegistry registry;
    private final SourceLocations locations;

    ProviderSettingsRules(LoadedConfig config, ProviderRegistry registry, SourceLocations locations) {
        this.config = config;
        this.registry = registry;
        this.locations = locations;
    }

    List<ConfigProblem> check() {
        List<ConfigProblem> problems = new ArrayList<>();
        JsonNode sections = config.cacheSection().path("providers");
        for (RegisteredProvider provider : registry.providers()) {
            JsonNode section = sections.path(provider.id());
            if (provider.settingsSchema().isEmpty() || !section.isObject()) {
                continue;
            }
            String base = JsonPointers.child("/cache/providers", provider.id());
            Schema schema;
            try {
                schema = compile(provider);
            } catch (RuntimeException e) {
                problems.add(problem(base, false, "the settings schema of provider '" + provider.id() + "' ("
                        + provider.origin().source() + ") cannot be used: " + e.getMessage()
                        + "; report it to the provider's author"));
                continue;
            }
            for (Error error : schema.validate(section)) {
                problems.add(translate(error, base, provider, schema));
            }
        }
        return problems;
    }

    private ConfigProblem translate(Error error, String base, RegisteredProvider provider, Schema schema) {
        String parent = base + error.getInstanceLocation().toString();
        String keyword = String.valueOf(error.getKeyword());
        String origin = " (the settings schema of provider '" + provider.id() + "'; see its documentation)";
        if (keyword.equals("additionalProperties") && error.getProperty() != null) {
            String key = error.getProperty();
            Set<String> known = knownNames(error, schema);
            String fix = NearestName.suggest(key, known).map(s -> "did you mean \"" + s + "\"?")
                    .orElse(known.isEmpty() ? "remove it" : "remove it, or use one of: " + String.join(", ", known));
            return problem(JsonPointers.child(parent, key), true, "unknown key \"" + key + "\" in "
                    + JsonPointers.describe(parent) + ": " + fix + origin);
        }
        boolean atKey = KEY_KEYWORDS.contains(keyword) && error.getProperty() != null;
        String pointer = atKey ? JsonPointers.child(parent, error.getProperty()) : parent;
        return problem(pointer, atKey, JsonPointers.describe(pointer) + ": " + error.getMessage() + origin);
    }

    /** The property names the schema object that rejected a key defines. */
    private static Set<String> knownNames(Error error, Schema schema) {
        String location = String.valueOf(error.getSchemaLocation());
        int hash = location.indexOf('#');
        if (hash < 0) {
            return Set.of();
        }
        String objectSchema = JsonPointers.parent(location.substring(hash + 1));
        return new TreeSet<>(schema.getSchemaNode().at(objectSchema).path("properties").propertyNames());
    }

    private ConfigProblem problem(String pointer, boolean atKey, String message) {
        SourceLocations.Position at = atKey ? locations.key(pointer) : locations.value(pointer);
        return new ConfigProblem(config.project().configFile(), CODE, pointer, at.line(), at.column(), message);
    }

    /** Compiles a provider's schema. */
    private static Schema compile(RegisteredProvider provider) {
        return SchemaCompiler.compile("https://cachectl.dev/providers/" + provider.id() + ".schema.json",
                CoreJson.mapper().readTree(provider.settingsSchema().orElseThrow()));
    }
}
