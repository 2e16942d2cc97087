package dev.cachectl.providers.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelProvidersTest {

    private static final Path HOME = Path.of("/home/ada");
    private static final Path CACHE = Path.of("/work/project/.cache/huggingface");

    @Test
    void huggingFaceExportsTheHubCacheAsTransformersCacheNeverHfHome() {
        EnvironmentSpec env = new HuggingFaceProvider().environment(CACHE);

        assertThat(env.set()).containsEntry("HF_HOME", CACHE.toString())
                .containsEntry("HF_HUB_CACHE", CACHE.resolve("hub").toString())
                .containsEntry("TRANSFORMERS_CACHE", CACHE.resolve("hub").toString())
                .containsEntry("HF_XET_CACHE", CACHE.resolve("xet").toString())
                .containsEntry("HF_ASSETS_CACHE", CACHE.resolve("assets").toString())
                .containsEntry("HF_DATASETS_CACHE", CACHE.resolve("datasets").toString());
        assertThat(env.set().get("TRANSFORMERS_CACHE")).isNotEqualTo(env.set().get("HF_HOME"));
        assertThat(env.unset()).contains("PYTORCH_TRANSFORMERS_CACHE");
    }

    @Test
    void huggingFaceOutsideLocationsHonourTheCallingEnvironment() {
        HostEnvironment host = new HostEnvironment(Map.of("HF_HUB_CACHE", "/data/hub", "XDG_CACHE_HOME", "/xdg"),
                HOME, false);

        assertThat(new HuggingFaceProvider().outsideLocations(host))
                .contains(new OutsideLocation(Path.of("/data/hub"), "hub", "HF_HUB_CACHE", HuggingFaceProvider.HUB_LAYOUT))
                .extracting(OutsideLocation::path).contains(Path.of("/xdg/huggingface/hub"))
                .doesNotContain(HOME.resolve(".cache/huggingface/hub"));
    }

    @Test
    void huggingFaceNeverDeletesTokensAndRespectsHubLocks() {
        HuggingFaceProvider provider = new HuggingFaceProvider();

        assertThat(provider.rules().protectedPaths()).contains("token", "stored_tokens");
        assertThat(provider.lockedEntry("hub/.locks/models--openai--whisper-small/abc.lock"))
                .isEqualTo("hub/models--openai--whisper-small");
    }

    @Test
    void torchDefaultsToXdgAndKnowsWhisper() {
        HostEnvironment host = new HostEnvironment(Map.of(), HOME, false);

        assertThat(new TorchProvider().outsideLocations(host)).extracting(OutsideLocation::path)
                .containsExactly(HOME.resolve(".cache/torch"), HOME.resolve(".cache/whisper"));
        assertThat(new TorchProvider().environment(Path.of("/p/.cache/torch")).set())
                .containsExactly(Map.entry("TORCH_HOME", "/p/.cache/torch"));
    }

    @Test
    void identitiesMatchTheConfigKeys() {
        assertThat(new TorchProvider().configKey().pointer()).isEqualTo("/cache/torch_home");
        assertThat(new HuggingFaceProvider().configKey().pointer()).isEqualTo("/cache/hf_home");
        assertThat(new MlxProvider().configKey().pointer()).isEqualTo("/cache/mlx_home");
        assertThat(new MlxProvider().category()).isEqualTo(CacheCategory.MODEL);
        assertThat(new MlxProvider().environment(Path.of("/p/.cache/mlx")).set())
                .containsExactly(Map.entry("MLX_CACHE_DIR", "/p/.cache/mlx"));
    }

    @Test
    void hubRepoNamesParse() {
        assertThat(HubRepoName.parse("models--mlx-community--whisper-large-v3-mlx")).hasValueSatisfying(name -> {
            assertThat(name.type()).isEqualTo("model");
            assertThat(name.repoId()).isEqualTo("mlx-community/whisper-large-v3-mlx");
            assertThat(name.mlx()).isTrue();
        });
        assertThat(HubRepoName.parse("datasets--squad")).hasValueSatisfying(name ->
                assertThat(name.repoId()).isEqualTo("squad"));
        assertThat(HubRepoName.parse("version.txt")).isEmpty();
    }
}
