package dev.cachectl.providers.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.Severity;
import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.FixtureTree;
import dev.cachectl.testkit.HubCacheFixture;
import dev.cachectl.testkit.RealisticHub;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceProviderTest {

    @TempDir
    Path hfHome;

    private final HuggingFaceProvider provider = new HuggingFaceProvider();

    @Test
    void detailsShowReposRevisionsAndEverythingReportedApart() {
        RealisticHub.build(hfHome);
        Map<String, Object> details = provider.details(new FixtureTree(hfHome)).properties();

        assertThat(details).containsEntry("hub_path", "hub").containsEntry("hub_exists", true)
                .containsEntry("repo_count", 3).containsEntry("mlx_repo_count", 1L)
                .containsEntry("revision_count", 5).containsEntry("detached_revision_count", 1L)
                .containsEntry("blob_bytes", 160_500L).containsEntry("incomplete_bytes", 2_500L)
                .containsEntry("orphan_blob_count", 1).containsEntry("orphan_bytes", 4_000L)
                .containsEntry("lock_files", 1).containsEntry("protected_files", List.of("token"))
                .containsEntry("misplaced_repos", List.of());
        assertThat(list(details, "corrupted")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("path", "hub/" + RealisticHub.BROKEN));

        Map<String, Object> whisper = list(details, "repos").get(2);
        assertThat(whisper).containsEntry("type", "model").containsEntry("id", "openai/whisper-small")
                .containsEntry("mlx", false).containsEntry("size_bytes", 133_000L).containsEntry("blob_count", 5)
                .containsEntry("no_exist_markers", 1);
        List<Map<String, Object>> revisions = list(whisper, "revisions");
        assertThat(revisions).extracting(r -> r.get("detached")).containsExactly(false, false, true);
        assertThat(revisions.getLast()).containsEntry("commit", RealisticHub.REV_OLD).containsEntry("refs", List.of())
                .containsEntry("size_bytes", 54_000L).containsEntry("file_count", 3);
        assertThat(list(details, "repos").get(1)).containsEntry("id", "mlx-community/whisper-tiny-mlx")
                .containsEntry("mlx", true);
    }

    @Test
    void detailsOfAnEmptyHfHome() {
        Map<String, Object> details = provider.details(new FixtureTree(hfHome)).properties();
        assertThat(details).containsEntry("hub_exists", false).containsEntry("repo_count", 0)
                .containsEntry("blob_bytes", 0L).containsEntry("protected_files", List.of());
    }

    @Test
    void inspectFindsTheMisplacedTransformersLayoutAndDuplicates() {
        RealisticHub.build(hfHome);
        HubCacheFixture misplaced = HubCacheFixture.at(hfHome);
        misplaced.model("openai/whisper-small").blob(RealisticHub.CONFIG, 1_000)
                .link(RealisticHub.REV_MAIN, "config.json", RealisticHub.CONFIG).ref("main", RealisticHub.REV_MAIN);
        misplaced.model("facebook/nllb-200-distilled-600M").snapshotsFolder();

        List<CacheFinding> findings = provider.inspect(new FixtureTree(hfHome));
        assertThat(findings).filteredOn(f -> f.code().equals("HF_TRANSFORMERS_LAYOUT")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("2 hub repo folder(s)", "1 of them also in HF_HOME/hub");
                });
        List<Map<String, Object>> details = list(provider.details(new FixtureTree(hfHome)).properties(),
                "misplaced_repos");
        assertThat(details).extracting(m -> m.get("id"), m -> m.get("also_in_hub"), m -> m.get("size_bytes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("facebook/nllb-200-distilled-600M", false, 0L),
                        org.assertj.core.groups.Tuple.tuple("openai/whisper-small", true, 1_000L));
    }

    @Test
    void inspectReportsStructuralCorruptionAndIncompleteDownloadsCheaply() {
        RealisticHub.build(hfHome);
        HubCacheFixture.at(hfHome.resolve("hub")).model("org/nosnap").blob(RealisticHub.CONFIG, 10);
        List<CacheFinding> findings = provider.inspect(new FixtureTree(hfHome));

        assertThat(findings).extracting(CacheFinding::code)
                .containsExactly("HF_CORRUPTED_REPO", "HF_INCOMPLETE_DOWNLOADS");
        assertThat(findings.getFirst().message()).contains("hub/models--org--nosnap", "has no snapshots folder");
        assertThat(findings.getLast().message()).startsWith("1 interrupted download(s)").contains("2500 bytes");
        assertThat(findings.getLast().severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void inspectOfAHealthyCacheFindsNothing() {
        HubCacheFixture.at(hfHome.resolve("hub")).cacheDirTag().model("org/ok").blob(RealisticHub.CONFIG, 5)
                .link(RealisticHub.REV_MAIN, "config.json", RealisticHub.CONFIG).ref("main", RealisticHub.REV_MAIN);
        FixtureFiles.writeText(hfHome.resolve("token"), "hf_x");
        assertThat(provider.inspect(new FixtureTree(hfHome))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
