package dev.cachectl.core.init;

import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cache} section {@code init} writes: {@code base_dir} and the default directory of every built-in
 * provider, in the order of the seed config, schemas/examples/valid/seed.json (torch, Hugging Face, MLX, then the application
 * caches). Plugin providers are left out on purpose: their defaults apply without being written, and the file
 * stays valid when a plugin is removed. Also renders such a section as JSON text the way a person would
 * format it ({@code "key": value}, one key per line).
 */
public final class DefaultConfig {

    /** The seed config's key order; keys not listed (a new built-in provider) follow in registry order. */
    private static final List<String> SEED_ORDER = List.of("cache.torch_home", "cache.hf_home", "cache.mlx_home",
            "cache.application_caches.tmdb", "cache.application_caches.musicbrainz",
            "cache.application_caches.glossary");

    private DefaultConfig() {
    }

    /** The default {@code cache} section, as nested ordered maps of strings. */
    public static Map<String, Object> cacheSection(ProviderRegistry registry) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("base_dir", CachePaths.DEFAULT_BASE_DIR);
        List<RegisteredProvider> builtIn = new ArrayList<>(registry.providers().stream()
                .filter(p -> p.origin().builtIn()).toList());
        builtIn.sort(Comparator.comparingInt(p -> {
            int index = SEED_ORDER.indexOf(p.configKey().dotted());
            return index < 0 ? SEED_ORDER.size() : index;
        }));
        for (RegisteredProvider provider : builtIn) {
            put(section, provider.configKey().segments(), provider.defaultPath());
        }
        return section;
    }

    /** A whole config file holding only the default {@code cache} section, ending with a newline. */
    public static String document(ProviderRegistry registry) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cache", cacheSection(registry));
        return render(root, "", "  ", "\n") + "\n";
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> section, List<String> segments, String value) {
        Map<String, Object> node = section;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            Object child = node.computeIfAbsent(segment, k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                return; // a provider key that nests under a plain value cannot be written; its default applies
            }
            node = (Map<String, Object>) child;
        }
        node.putIfAbsent(segments.getLast(), value);
    }

    /**
     * JSON text of a tree of maps and strings. {@code base} is the indentation of the line the object starts
     * on, {@code unit} one level more; a {@code null} unit gives the object on one line.
     */
    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> tree, String base, String unit, String newline) {
        if (tree.isEmpty()) {
            return "{}";
        }
        StringBuilder text = new StringBuilder("{");
        int i = 0;
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            text.append(unit == null ? (i == 0 ? "" : " ") : newline + base + unit);
            text.append(quote(entry.getKey())).append(": ");
            text.append(entry.getValue() instanceof Map<?, ?> child
                    ? render((Map<String, Object>) child, unit == null ? "" : base + unit, unit, newline)
                    : quote(String.valueOf(entry.getValue())));
            if (++i < tree.size()) {
                text.append(',');
            }
        }
        return text.append(unit == null ? "" : newline + base).append('}').toString();
    }

    /** A JSON string literal. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
