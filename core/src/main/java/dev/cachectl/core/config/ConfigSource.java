package dev.cachectl.core.config;

/** Where the cache settings in use came from. */
public enum ConfigSource {
    /** {@code config/hardware_cache.json} of the project. */
    FILE,
    /** No config file: the built-in defaults. */
    DEFAULTS;

    /** The lowercase name used in JSON output. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
