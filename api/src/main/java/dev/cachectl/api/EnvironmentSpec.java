package dev.cachectl.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The environment variables a provider exports so that libraries use the project's cache and never fall
 * back to the user's home.
 *
 * @param set   variables to set, in the order they should be printed; values are absolute paths
 * @param unset variables to remove from the environment (for example a deprecated alias that would
 *              override {@code set})
 */
public record EnvironmentSpec(Map<String, String> set, List<String> unset) {

    /** Copies both collections, keeping the insertion order of {@code set}. */
    public EnvironmentSpec {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(unset, "unset");
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        unset = List.copyOf(unset);
        for (String name : unset) {
            if (set.containsKey(name)) {
                throw new IllegalArgumentException(name + " is both set and unset");
            }
        }
    }

    /** A spec that sets the given variables and unsets nothing. */
    public static EnvironmentSpec setting(Map<String, String> set) {
        return new EnvironmentSpec(set, List.of());
    }
}
