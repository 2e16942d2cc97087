package dev.cachectl.providers.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheFinding;
import dev.cachectl.testkit.FixtureTree;
import dev.cachectl.testkit.RealisticTorch;
import dev.cachectl.testkit.TorchCacheFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchProviderTest {

    @TempDir
    Path torchHome;

    private final TorchProvider provider = new TorchProvider();

    @Test
    void detailsListCheckpointsPartialDownloadsHubCodeAndWhisperModels() {
        RealisticTorch.build(torchHome);
        Map<String, Object> details = provider.details(new FixtureTree(torchHome)).properties();

        assertThat(list(details, "checkpoints")).extracting(m -> m.get("name"), m -> m.get("size_bytes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("resnet18-f37072fd.pth", 46_000L));
        assertThat(details).containsEntry("checkpoint_bytes", 46_000L).containsEntry("partial_bytes", 2_222L + 1_234L)
                .containsEntry("whisper_bytes", 30_000L);
        assertThat(list(details, "partial_downloads")).extracting(m -> (String) m.get("name"))
                .containsExactly("tmpk2j4x9q0", "vgg16-397923af.pth." + dev.cachectl.testkit.FixtureFiles
                        .sha256("vgg16-397923af.pth").substring(0, 32) + ".partial");
        assertThat(list(details, "hub_repos")).extracting(m -> m.get("folder"), m -> m.get("owner"),
                m -> m.get("repo_and_branch"), m -> m.get("has_hubconf")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pytorch_vision_v0.10.0", "pytorch", "vision_v0.10.0", true),
                org.assertj.core.groups.Tuple.tuple("snakers4_silero-vad_master", "snakers4", "silero-vad_master",
                        true));
        assertThat(list(details, "whisper_models")).extracting(m -> m.get("name")).containsExactly("base.pt", "tiny.pt");
    }

    @Test
    void inspectReportsPartialDownloads() {
        RealisticTorch.build(torchHome);
        List<CacheFinding> findings = provider.inspect(new FixtureTree(torchHome));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("TORCH_PARTIAL_DOWNLOADS");
            assertThat(f.message()).startsWith("2 partial download(s)").contains("3456 bytes");
        });
    }

    @Test
    void anEmptyOrCleanCacheHasNoFindingsAndEmptyDetails() {
        assertThat(provider.inspect(new FixtureTree(torchHome))).isEmpty();
        TorchCacheFixture.at(torchHome).checkpoint("a.pth", 10);
        assertThat(provider.inspect(new FixtureTree(torchHome))).isEmpty();
        assertThat(provider.details(new FixtureTree(torchHome.resolve("missing"))).properties())
                .containsEntry("checkpoints", List.of()).containsEntry("hub_repos", List.of())
                .containsEntry("whisper_models", List.of());
    }

    @Test
    void partialDownloadsAreProtectedFromClearing() {
        assertThat(provider.rules().partialGlobs()).contains("hub/checkpoints/tmp*", "hub/checkpoints/*.partial");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
