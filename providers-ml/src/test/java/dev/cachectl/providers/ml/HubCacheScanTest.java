package dev.cachectl.providers.ml;

import static dev.cachectl.testkit.RealisticHub.CONFIG;
import static dev.cachectl.testkit.RealisticHub.ONNX;
import static dev.cachectl.testkit.RealisticHub.ORPHAN;
import static dev.cachectl.testkit.RealisticHub.REV_MAIN;
import static dev.cachectl.testkit.RealisticHub.REV_OLD;
import static dev.cachectl.testkit.RealisticHub.REV_PR;
import static dev.cachectl.testkit.RealisticHub.TOKENIZER;
import static dev.cachectl.testkit.RealisticHub.WEIGHTS_V1;
import static dev.cachectl.testkit.RealisticHub.WEIGHTS_V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.FixtureTree;
import dev.cachectl.testkit.HubCacheFixture;
import dev.cachectl.testkit.HubRepoFixture;
import dev.cachectl.testkit.RealisticHub;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected numbers follow huggingface_hub's scan_cache_dir; see {@link RealisticHub} for the arithmetic. */
class HubCacheScanTest {

    @TempDir
    Path hfHome;

    private HubCacheReport scan() {
        return new HubCacheScan(new FixtureTree(hfHome)).scan("hub");
    }

    @Test
    void countsARealisticCacheLikeScanCacheDir() {
        RealisticHub.build(hfHome);
        HubCacheReport report = scan();

        assertThat(report.exists()).isTrue();
        assertThat(report.repos()).extracting(r -> r.name().cacheId(), HubRepo::sizeBytes, HubRepo::blobCount)
                .containsExactly(
                        tuple("dataset/google/fleurs", 7_000L, 1),
                        tuple("model/mlx-community/whisper-tiny-mlx", 20_500L, 2),
                        // CONFIG 1 000 + V1 50 000 + V2 70 000 + TOKENIZER 3 000 + ONNX 9 000, each once
                        tuple("model/openai/whisper-small", 133_000L, 5));
        assertThat(report.blobBytes()).isEqualTo(160_500L);
        assertThat(report.corrupted()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("hub/" + RealisticHub.BROKEN);
            assertThat(c.reason()).startsWith("blob missing (broken symlink): hub/" + RealisticHub.BROKEN + "/blobs/");
        });
        assertThat(report.incompleteDownloads()).containsExactly(new HubBlobFile(
                "hub/" + RealisticHub.WHISPER + "/blobs/" + WEIGHTS_V3 + ".incomplete", 2_500));
        assertThat(report.lockFiles()).isEqualTo(1);
    }

    @Test
    void revisionsCountEachBlobOnceAndCarryTheirRefs() {
        RealisticHub.build(hfHome);
        HubRepo whisper = repo(scan(), "model/openai/whisper-small");
        Map<String, HubRevision> byCommit = whisper.revisions().stream()
                .collect(Collectors.toMap(HubRevision::commit, Function.identity()));

        assertThat(byCommit.get(REV_OLD)).satisfies(r -> {
            assertThat(r.refs()).isEmpty();
            assertThat(r.detached()).isTrue();
            assertThat(r.sizeBytes()).isEqualTo(1_000 + 50_000 + 3_000);
            assertThat(r.fileCount()).isEqualTo(3);
        });
        assertThat(byCommit.get(REV_MAIN)).satisfies(r -> {
            assertThat(r.refs()).containsExactly("main");
            assertThat(r.sizeBytes()).isEqualTo(1_000 + 70_000 + 3_000);
            assertThat(r.linkedFiles()).isEqualTo(3);
            assertThat(r.realFiles()).isZero();
        });
        assertThat(byCommit.get(REV_PR)).satisfies(r -> {
            assertThat(r.refs()).containsExactly("refs/pr/1");
            assertThat(r.sizeBytes()).isEqualTo(1_000 + 9_000);
            assertThat(r.fileCount()).as("onnx/encoder.onnx is nested").isEqualTo(2);
        });
        assertThat(whisper.orphanBlobs()).containsExactly(
                new HubBlobFile("hub/" + RealisticHub.WHISPER + "/blobs/" + ORPHAN, 4_000));
        assertThat(whisper.noExistMarkers()).isEqualTo(1);
        assertThat(whisper.name().mlx()).isFalse();
    }

    @Test
    void snapshotsOfRealFilesCountTheFilesThemselves() {
        RealisticHub.build(hfHome);
        HubRepo mlx = repo(scan(), "model/mlx-community/whisper-tiny-mlx");
        assertThat(mlx.name().mlx()).isTrue();
        assertThat(mlx.revisions()).singleElement().satisfies(r -> {
            assertThat(r.realFiles()).isEqualTo(2);
            assertThat(r.linkedFiles()).isZero();
            assertThat(r.sizeBytes()).isEqualTo(20_500);
        });
        assertThat(mlx.orphanBlobs()).isEmpty();
    }

    @Test
    void aBlobLinkedFromAnotherRepoIsNotAnOrphan() {
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub"));
        HubRepoFixture owner = hub.model("a/owner").blob(CONFIG, 100).snapshotsFolder();
        FixtureFiles.symlink(hfHome.resolve("hub/models--b--user/snapshots/" + REV_MAIN + "/config.json"),
                "../../../" + owner.folder() + "/blobs/" + CONFIG);
        HubCacheReport report = scan();
        assertThat(repo(report, "model/a/owner").orphanBlobs()).isEmpty();
        assertThat(repo(report, "model/b/user").sizeBytes()).isEqualTo(100);
        assertThat(report.blobBytes()).as("the shared blob counts once for the cache").isEqualTo(100);
    }

    @Test
    void linksLeavingTheCacheAreCountedAsFilesButNotSized(@TempDir Path elsewhere) {
        HubRepoFixture repo = HubCacheFixture.at(hfHome.resolve("hub")).model("org/name")
                .blob(ONNX, 9_000).link(REV_MAIN, "encoder.onnx", ONNX).ref("main", REV_MAIN);
        FixtureFiles.write(elsewhere.resolve("weights"), 5_000);
        FixtureFiles.symlink(repo.path().resolve("snapshots/" + REV_MAIN + "/weights"),
                elsewhere.resolve("weights").toString());
        HubRepo scanned = repo(scan(), "model/org/name");
        assertThat(scanned.externalLinks()).isEqualTo(1);
        assertThat(scanned.sizeBytes()).isEqualTo(9_000);
        assertThat(scanned.revisions()).singleElement().extracting(HubRevision::fileCount).isEqualTo(2);
    }

    @Test
    void sharedBlobStoreCountsRepoSizesLogicallyAndTheCacheOnce() {
        String xet = FixtureFiles.sha256("payload");
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub")).sharedPayload(xet, 8_000)
                .sharedPayload(FixtureFiles.sha256("unused"), 500);
        hub.model("a/one").sharedBlob(WEIGHTS_V1, xet).link(REV_MAIN, "model.safetensors", WEIGHTS_V1).ref("main", REV_MAIN);
        hub.model("b/two").sharedBlob(WEIGHTS_V1, xet).link(REV_MAIN, "model.safetensors", WEIGHTS_V1).ref("main", REV_MAIN);
        HubCacheReport report = scan();
        assertThat(report.corrupted()).as("the store is not a repo").isEmpty();
        assertThat(report.repos()).extracting(HubRepo::sizeBytes).containsExactly(8_000L, 8_000L);
        assertThat(report.blobBytes()).as("each payload once, the unused one too").isEqualTo(8_500);
    }

    @Test
    void aMissingHubIsEmpty() {
        HubCacheReport report = scan();
        assertThat(report.exists()).isFalse();
        assertThat(report.repos()).isEmpty();
        assertThat(report.blobBytes()).isZero();
    }

    @Test
    void tokenizerBlobSharedByTwoRevisionsIsCountedOnceForTheRepo() {
        RealisticHub.build(hfHome);
        HubRepo whisper = repo(scan(), "model/openai/whisper-small");
        long perRevisionSum = whisper.revisions().stream().mapToLong(HubRevision::sizeBytes).sum();
        assertThat(perRevisionSum).isEqualTo(54_000 + 74_000 + 10_000);
        assertThat(whisper.sizeBytes()).isLessThan(perRevisionSum).isEqualTo(133_000);
        assertThat(TOKENIZER).isNotEqualTo(CONFIG);
    }

    static HubRepo repo(HubCacheReport report, String cacheId) {
        return report.repos().stream().filter(r -> r.name().cacheId().equals(cacheId)).findFirst().orElseThrow();
    }
}
