package dev.cachectl.core.validate;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One directory the config decides: {@code base_dir}, a provider's cache, a legacy cache, or a path kept for
 * a provider that is not installed.
 *
 * @param name       how messages name it, e.g. {@code cache.torch_home}
 * @param pointer    the JSON pointer to blame for it: its own value when configured, {@code /cache/base_dir}
 *                   when it is a default moved by a configured {@code base_dir}, else {@code ""}
 * @param raw        the path as written (or the default)
 * @param kind       what it holds
 * @param configured  whether the config writes this path itself (rather than it being a default)
 * @param defaultPath what it would be without the config, for messages; {@code ""} when there is none
 */
record ConfiguredPath(String name, String pointer, String raw, Kind kind, boolean configured, String defaultPath) {

    /** What a directory is for, which decides which overlaps are allowed. */
    enum Kind {
        /** {@code base_dir}: the folder that holds the model caches. */
        BASE_DIR,
        /** A model cache (torch, Hugging Face, MLX, plugin model caches). */
        MODEL,
        /** An application cache. */
        APPLICATION,
        /** An old cache folder that should be empty. */
        LEGACY,
        /** A path for a provider that is not loaded: checked for safety, not for overlaps. */
        UNKNOWN_PROVIDER
    }

    ConfiguredPath {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultPath, "defaultPath");
    }

    /** Every directory {@code config} decides, configured or defaulted, in a stable order. */
    static List<ConfiguredPath> of(LoadedConfig config, ProviderRegistry registry) {
        List<ConfiguredPath> paths = new ArrayList<>();
        boolean baseConfigured = config.baseDir().isPresent();
        paths.add(new ConfiguredPath("cache.base_dir", baseConfigured ? "/cache/base_dir" : "",
                config.baseDir().orElse(CachePaths.DEFAULT_BASE_DIR), Kind.BASE_DIR, baseConfigured,
                CachePaths.DEFAULT_BASE_DIR));
        for (RegisteredProvider provider : registry.providers()) {
            String raw = CachePaths.effective(config, provider.configKey(), provider.defaultPath());
            boolean configured = config.value(provider.configKey()).isPresent();
            boolean movedByBase = !configured && baseConfigured
                    && provider.defaultPath().startsWith(CachePaths.DEFAULT_BASE_DIR + "/");
            String pointer = configured ? provider.configKey().pointer() : movedByBase ? "/cache/base_dir" : "";
            String name = configured ? provider.configKey().dotted()
                    : provider.id() + " (default " + raw + ")";
            Kind kind = provider.category() == CacheCategory.MODEL ? Kind.MODEL : Kind.APPLICATION;
            paths.add(new ConfiguredPath(name, pointer, raw, kind, configured, provider.defaultPath()));
        }
        JsonNode legacy = config.cacheSection().path("legacy_caches");
        if (legacy.isArray()) {
            for (int i = 0; i < legacy.size(); i++) {
                if (legacy.get(i).isString()) {
                    String pointer = JsonPointers.child("/cache/legacy_caches", i);
                    paths.add(new ConfiguredPath(JsonPointers.describe(pointer), pointer, legacy.get(i).asString(),
                            Kind.LEGACY, true, LoadedConfig.DEFAULT_LEGACY_CACHE));
                }
            }
        } else {
            paths.add(new ConfiguredPath("legacy cache (default " + LoadedConfig.DEFAULT_LEGACY_CACHE + ")", "",
                    LoadedConfig.DEFAULT_LEGACY_CACHE, Kind.LEGACY, false, LoadedConfig.DEFAULT_LEGACY_CACHE));
        }
        for (String section : List.of("application_caches", "model_caches")) {
            for (var member : config.cacheSection().path(section).properties()) {
                if (registry.find(member.getKey()).isEmpty() && member.getValue().isString()) {
                    String pointer = JsonPointers.child("/cache/" + section, member.getKey());
                    paths.add(new ConfiguredPath(JsonPointers.describe(pointer), pointer,
                            member.getValue().asString(), Kind.UNKNOWN_PROVIDER, true, ""));
                }
            }
        }
        return paths;
    }

    /** The name and the path as written, e.g. {@code cache.torch_home (".cache/torch")}. */
    String describe() {
        return configured ? name + " (\"" + raw + "\")" : name;
    }
}
