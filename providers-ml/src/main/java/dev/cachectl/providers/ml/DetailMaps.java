package dev.cachectl.providers.ml;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for building {@link dev.cachectl.api.CacheDetails} maps with a stable key order. */
final class DetailMaps {

    private DetailMaps() {
    }

    /** A map of alternating keys and values, in that order. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** An epoch-millisecond time as ISO-8601 UTC, e.g. {@code 2026-01-01T10:00:00Z}. */
    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
