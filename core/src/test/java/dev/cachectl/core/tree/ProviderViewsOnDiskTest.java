package dev.cachectl.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.testkit.RealisticHub;
import dev.cachectl.testkit.RealisticTorch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in providers reading realistic caches through the host's real tree, as {@code status} does. */
class ProviderViewsOnDiskTest {

    @TempDir
    Path temp;

    private static CacheProvider provider(String id) {
        return ProviderRegistry.loadBuiltIn().find(id).orElseThrow().provider();
    }

    @Test
    void huggingFaceDetailsMatchScanCacheDir() {
        Path hfHome = temp.resolve("huggingface");
        RealisticHub.build(hfHome);
        Map<String, Object> details = provider("huggingface").details(new DirectoryCacheTree(hfHome)).properties();

        // huggingface_hub's scan_cache_dir on this tree: 3 repos, 160 500 bytes, 1 warning, 1 incomplete file.
        assertThat(details).containsEntry("repo_count", 3).containsEntry("blob_bytes", 160_500L)
                .containsEntry("incomplete_bytes", 2_500L).containsEntry("orphan_bytes", 4_000L)
                .containsEntry("detached_revision_count", 1L);
        assertThat((List<?>) details.get("corrupted")).hasSize(1);
    }

    @Test
    void huggingFaceFindingsThroughTheRealTree() {
        Path hfHome = temp.resolve("huggingface");
        RealisticHub.build(hfHome);
        List<CacheFinding> findings = provider("huggingface").inspect(new DirectoryCacheTree(hfHome));
        assertThat(findings).extracting(CacheFinding::code).containsExactly("HF_INCOMPLETE_DOWNLOADS");
    }

    @Test
    void torchDetailsThroughTheRealTree() {
        Path torchHome = temp.resolve("torch");
        RealisticTorch.build(torchHome);
        Map<String, Object> details = provider("torch").details(new DirectoryCacheTree(torchHome)).properties();
        assertThat(details).containsEntry("checkpoint_bytes", 46_000L).containsEntry("partial_bytes", 3_456L)
                .containsEntry("whisper_bytes", 30_000L);
        assertThat((List<?>) details.get("hub_repos")).hasSize(2);
    }
}
