package dev.cachectl.core.validate;

import com.networknt.schema.Error;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.JsonTypes;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns networknt's schema errors into {@link ConfigProblem}s: a stable code per kind of mistake, the
 * instance pointer, the line and column of the offending key or value, and a message that says how to fix
 * it.
 */
final class SchemaProblems {

    private static final String PATH_DEF = "#/$defs/path/";

    private final LoadedConfig config;
    private final ProviderRegistry registry;
    private final SourceLocations locations;

    SchemaProblems(LoadedConfig config, ProviderRegistry registry, SourceLocations locations) {
        this.config = config;
        this.registry = registry;
        this.locations = locations;
    }

    /** The schema problems of the whole document. */
    List<ConfigProblem> check() {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Error error : ConfigSchema.validate(config.root())) {
            translate(error).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<ConfigProblem> translate(Error error) {
        String pointer = error.getInstanceLocation().toString();
        String where = JsonPointers.describe(pointer);
        boolean path = String.valueOf(error.getSchemaLocation()).contains(PATH_DEF);
        return Optional.ofNullable(switch (String.valueOf(error.getKeyword())) {
            case "additionalProperties" -> unknownKey(error, pointer);
            case "propertyNames" -> {
                String member = JsonPointers.child(pointer, String.valueOf(error.getProperty()));
                yield atKey("CFG_INVALID_ID", member, "\"" + error.getProperty() + "\" in " + where
                        + " is not a valid provider id: use the id 'cachectl providers' lists (1 to 64 lowercase"
                        + " letters, digits, '_' or '-', starting with a letter)");
            }
            case "type" -> atValue("CFG_TYPE", pointer, where + " must be " + article(expected(error)) + ", not "
                    + JsonTypes.describe(error.getInstanceNode()) + "; " + typeFix(pointer, expected(error), path));
            case "minLength" -> path
                    ? atValue("CFG_EMPTY_PATH", pointer, where + " is an empty path; give a directory"
                            + example(pointer) + ", or remove the key to use the default")
                    : generic(error, pointer);
            case "pattern" -> path
                    ? atValue("CFG_NUL_BYTE", pointer, where + " contains a NUL character (\\u0000), which no"
                            + " file system accepts in a path; remove it")
                    : generic(error, pointer);
            case "uniqueItems" -> atValue("CFG_SCHEMA", pointer, where + " lists the same path twice;"
                    + " remove the duplicate");
            default -> generic(error, pointer);
        });
    }

    private ConfigProblem unknownKey(Error error, String pointer) {
        String key = String.valueOf(error.getProperty());
        String member = JsonPointers.child(pointer, key);
        Set<String> known = knownNames(error);
        if (pointer.equals("/cache") && providerOwnsTopLevelKey(key)) {
            return null;
        }
        Optional<String> suggestion = NearestName.suggest(key, known);
        String fix = suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("remove it, or use one of: " + String.join(", ", known));
        return atKey("CFG_UNKNOWN_KEY", member, "unknown key \"" + key + "\" in " + JsonPointers.describe(pointer)
                + ": " + fix);
    }

    /** A plugin may own a key of its own directly in the cache section; the static schema cannot know it. */
    private boolean providerOwnsTopLevelKey(String key) {
        return registry.providers().stream()
                .anyMatch(p -> p.configKey().segments().size() == 1 && p.configKey().segments().getFirst().equals(key));
    }

    /** The property names the schema object that rejected the key does define, plus providers' own keys. */
    private Set<String> knownNames(Error error) {
        Set<String> names = new TreeSet<>();
        String location = String.valueOf(error.getSchemaLocation());
        int hash = location.indexOf('#');
        if (hash >= 0) {
            String objectSchema = JsonPointers.parent(location.substring(hash + 1));
            names.addAll(ConfigSchema.node().at(objectSchema).path("properties").propertyNames());
        }
        for (RegisteredProvider provider : registry.providers()) {
            if (provider.configKey().segments().size() == 1) {
                names.add(provider.configKey().segments().getFirst());
            }
        }
        return names;
    }

    private static String expected(Error error) {
        Object[] arguments = error.getArguments();
        return arguments != null && arguments.length > 1 ? String.valueOf(arguments[1]) : "another type";
    }

    private String typeFix(String pointer, String expected, boolean path) {
        if (path) {
            return "write the directory as a string in quotes" + example(pointer);
        }
        return switch (expected) {
            case "object" -> pointer.equals("/cache")
                    ? "write an object of cache settings, e.g. \"cache\": {\"base_dir\": \".cache\"}"
                    : "write an object, e.g. {}";
            case "array" -> "write a list of directories, e.g. [\"" + LoadedConfig.DEFAULT_LEGACY_CACHE + "\"]";
            default -> "see docs/config-reference.md";
        };
    }

    /** {@code , e.g. ".cache/torch"}: the default of whatever is configured at {@code pointer}. */
    private String example(String pointer) {
        if (pointer.equals("/cache/base_dir")) {
            return ", e.g. \"" + CachePaths.DEFAULT_BASE_DIR + "\"";
        }
        return registry.providers().stream()
                .filter(p -> p.configKey().pointer().equals(pointer))
                .findFirst()
                .map(p -> ", e.g. \"" + p.defaultPath() + "\"")
                .orElse(pointer.startsWith("/cache/legacy_caches") ? ", e.g. \""
                        + LoadedConfig.DEFAULT_LEGACY_CACHE + "\"" : "");
    }

    private ConfigProblem generic(Error error, String pointer) {
        return atValue("CFG_SCHEMA", pointer, JsonPointers.describe(pointer) + ": " + error.getMessage()
                + "; see docs/config-reference.md or 'cachectl schema'");
    }

    private static String article(String type) {
        return (type.matches("[aeiou].*") ? "an " : "a ") + type;
    }

    private ConfigProblem atKey(String code, String pointer, String message) {
        SourceLocations.Position at = locations.key(pointer);
        return new ConfigProblem(config.project().configFile(), code, pointer, at.line(), at.column(), message);
    }

    private ConfigProblem atValue(String code, String pointer, String message) {
        SourceLocations.Position at = locations.value(pointer);
        return new ConfigProblem(config.project().configFile(), code, pointer, at.line(), at.column(), message);
    }
}
