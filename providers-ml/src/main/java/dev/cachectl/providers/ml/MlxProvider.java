package dev.cachectl.providers.ml;

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
 * The MLX cache of the old pipeline scripts ({@code MLX_CACHE_DIR}). mlx-lm and mlx-whisper download
 * through the Hugging Face hub ({@code mlx-community/*}), so their models live in the hub cache and are
 * shown there, tagged as MLX; this directory is kept so scripts that read the variable keep working.
 */
public final class MlxProvider implements CacheProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public MlxProvider() {
    }

    @Override
    public int apiVersion() {
        return CacheProvider.API_VERSION;
    }

    @Override
    public String id() {
        return "mlx";
    }

    @Override
    public String displayName() {
        return "Apple MLX";
    }

    @Override
    public CacheCategory category() {
        return CacheCategory.MODEL;
    }

    @Override
    public ConfigKey configKey() {
        return ConfigKey.of("mlx_home");
    }

    @Override
    public String defaultPath() {
        return ".cache/mlx";
    }

    @Override
    public EnvironmentSpec environment(Path directory) {
        return EnvironmentSpec.setting(Map.of("MLX_CACHE_DIR", directory.toString()));
    }

    /** MLX has no cache of its own outside the project: its models are in the Hugging Face hub cache. */
    @Override
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        return host.path("MLX_CACHE_DIR").map(p -> List.of(new OutsideLocation(p, "", "MLX_CACHE_DIR")))
                .orElse(List.of());
    }
}
