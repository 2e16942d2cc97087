package dev.cachectl.core.validate;

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
 * A provider with the identity of a built-in one (core cannot see the provider modules), so the rules are
 * exercised against the same keys and defaults users have.
 */
record FakeProvider(String id, CacheCategory category, ConfigKey configKey, String defaultPath)
        implements CacheProvider {

    /** torch, huggingface, mlx, tmdb, musicbrainz and glossary with their real keys and defaults. */
    static List<FakeProvider> builtIns() {
        return List.of(
                new FakeProvider("torch", CacheCategory.MODEL, ConfigKey.of("torch_home"), ".cache/torch"),
                new FakeProvider("huggingface", CacheCategory.MODEL, ConfigKey.of("hf_home"), ".cache/huggingface"),
                new FakeProvider("mlx", CacheCategory.MODEL, ConfigKey.of("mlx_home"), ".cache/mlx"),
                app("tmdb", "out/tmdb_cache"),
                app("musicbrainz", "out/musicbrainz_cache"),
                app("glossary", "glossary/cache"));
    }

    static FakeProvider app(String id, String defaultPath) {
        return new FakeProvider(id, CacheCategory.APPLICATION, ConfigKey.of("application_caches", id), defaultPath);
    }

    @Override
    public int apiVersion() {
        return CacheProvider.API_VERSION;
    }

    @Override
    public String displayName() {
        return id;
    }

    @Override
    public EnvironmentSpec environment(Path directory) {
        return EnvironmentSpec.setting(Map.of());
    }

    @Override
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        return List.of();
    }
}
