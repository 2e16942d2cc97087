package dev.cachectl.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a provider's directory is configured inside the {@code cache} section of
 * {@code config/hardware_cache.json}, as a path of object keys: {@code ["torch_home"]} or
 * {@code ["application_caches", "tmdb"]}.
 *
 * @param segments the object keys from the {@code cache} section down to the string value; never
 *                 empty, each segment a non-empty string of lowercase letters, digits, {@code _} or {@code -}
 */
public record ConfigKey(List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** Validates and copies the segments. */
    public ConfigKey {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a config key needs at least one segment");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid config key segment '" + segment
                        + "': use lowercase letters, digits, '_' or '-'");
            }
        }
    }

    /** A key made of the given segments, e.g. {@code ConfigKey.of("application_caches", "tmdb")}. */
    public static ConfigKey of(String... segments) {
        return new ConfigKey(List.of(segments));
    }

    /** The JSON pointer of the value in the whole config file, e.g. {@code /cache/torch_home}. */
    public String pointer() {
        return "/cache/" + String.join("/", segments);
    }

    /** The dotted form used in messages, e.g. {@code cache.application_caches.tmdb}. */
    public String dotted() {
        return "cache." + String.join(".", segments);
    }

    @Override
    public String toString() {
        return dotted();
    }
}
