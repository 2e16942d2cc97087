package dev.cachectl.providers.app;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An application cache: a plain directory of small files configured under
 * {@code cache.application_caches.<id>}, exported as {@code CACHECTL_<ID>_CACHE} so pipeline stages can
 * find it without parsing the config.
 */
abstract class ApplicationCacheProvider implements CacheProvider {

    private final String id;
    private final String displayName;
    private final String defaultPath;

    ApplicationCacheProvider(String id, String displayName, String defaultPath) {
        this.id = id;
        this.displayName = displayName;
        this.defaultPath = defaultPath;
    }

    @Override
    public int apiVersion() {
        return CacheProvider.API_VERSION;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public CacheCategory category() {
        return CacheCategory.APPLICATION;
    }

    @Override
    public ConfigKey configKey() {
        return ConfigKey.of("application_caches", id);
    }

    @Override
    public String defaultPath() {
        return defaultPath;
    }

    @Override
    public EnvironmentSpec environment(Path directory) {
        return EnvironmentSpec.setting(Map.of("CACHECTL_" + id.toUpperCase(java.util.Locale.ROOT) + "_CACHE",
                directory.toString()));
    }

    /** Application caches live only in the project; there is no well-known place elsewhere. */
    @Override
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        return List.of();
    }
}
