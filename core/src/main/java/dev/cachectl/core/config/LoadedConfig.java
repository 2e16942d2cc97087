package dev.cachectl.core.config;

import dev.cachectl.api.ConfigKey;
import dev.cachectl.core.project.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A config that parsed: the whole document (cache section and the keys cachectl leaves alone), its text
 * for locating errors, and where it came from. Parsing does not mean valid; see
 * {@code dev.cachectl.core.validate}.
 *
 * @param project the project it belongs to
 * @param source  the file, or the built-in defaults
 * @param root    the whole document; an empty object for the defaults
 * @param text    the file's text; empty for the defaults
 */
public record LoadedConfig(Project project, ConfigSource source, JsonNode root, String text) {

    /** The folder for legacy caches when the config names none. */
    public static final String DEFAULT_LEGACY_CACHE = "shared/model-cache";

    /** Validates the fields. */
    public LoadedConfig {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(text, "text");
    }

    /** The built-in defaults for a project without a config file. */
    public static LoadedConfig defaults(Project project) {
        return new LoadedConfig(project, ConfigSource.DEFAULTS, JsonNodeFactory.instance.objectNode(), "");
    }

    /** The {@code cache} section, or a missing node. */
    public JsonNode cacheSection() {
        return root.path("cache");
    }

    /** The configured string at a provider's key, when there is one. */
    public Optional<String> value(ConfigKey key) {
        JsonNode node = cacheSection();
        for (String segment : key.segments()) {
            node = node.path(segment);
        }
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    /** {@code cache.base_dir}, when configured. */
    public Optional<String> baseDir() {
        JsonNode node = cacheSection().path("base_dir");
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    /** The legacy cache folders to watch ({@code cache.legacy_caches}, default {@code shared/model-cache}). */
    public List<String> legacyCaches() {
        JsonNode node = cacheSection().path("legacy_caches");
        if (!node.isArray()) {
            return List.of(DEFAULT_LEGACY_CACHE);
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isString()) {
                paths.add(item.asString());
            }
        }
        return List.copyOf(paths);
    }
}
