package dev.cachectl.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's own view of its cache for {@code status --details} (hub repos and revisions, torch
 * checkpoints). The host renders it as JSON under {@code details} and as an indented outline in text.
 *
 * @param properties ordered snake_case keys; values are {@code String}, {@code Number}, {@code Boolean},
 *                   {@code java.util.List} or {@code java.util.Map} of the same (no {@code null})
 */
public record CacheDetails(Map<String, Object> properties) {

    /** No details. */
    public static final CacheDetails NONE = new CacheDetails(Map.of());

    /** Copies the map, keeping its order. */
    public CacheDetails {
        Objects.requireNonNull(properties, "properties");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
