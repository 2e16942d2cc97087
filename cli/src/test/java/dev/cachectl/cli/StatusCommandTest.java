package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.status.StatusCollector;
import dev.cachectl.core.status.StatusReport;
import dev.cachectl.core.status.StatusRequest;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceRequest;
import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.RealisticHub;
import dev.cachectl.testkit.RealisticTorch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path temp;

    private Path project;
    private Path home;

    @BeforeEach
    void caches() {
        project = FixtureFiles.directory(temp.resolve("pipeline"));
        home = FixtureFiles.directory(temp.resolve("home"));
        RealisticHub.build(project.resolve(".cache/huggingface"));
        RealisticTorch.build(project.resolve(".cache/torch"));
        for (int i = 0; i < 200; i++) {
            FixtureFiles.write(project.resolve("out/musicbrainz_cache/release-" + i + ".json"), 100 + i);
        }
    }

    private CliHarness cli() {
        return new CliHarness(project, home);
    }

    private void writeConfig() {
        FixtureFiles.writeText(project.resolve("config/hardware_cache.json"), """
                {"cache": {"base_dir": ".cache", "torch_home": ".cache/torch", "hf_home": ".cache/huggingface",
                  "mlx_home": ".cache/mlx", "application_caches": {"tmdb": "out/tmdb_cache",
                  "musicbrainz": "out/musicbrainz_cache", "glossary": "glossary/cache"}},
                 "hardware": {"gpu": "none"}}
                """);
    }

    @Test
    void jsonIsTheDocumentOfTheCoreReport() throws Exception {
        writeConfig();
        var result = cli().run("status", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        StatusReport report = coreReport(List.of(), false);
        assertThat(result.out()).isEqualTo(JsonText.write(StatusJson.of(report)));
        Map<String, Object> document = StatusJson.of(report);
        assertThat(document).containsEntry("schema_version", 1).containsEntry("project_root", project.toString());
        assertThat(document.get("config")).isEqualTo(Map.of("path",
                project.resolve("config/hardware_cache.json").toString(), "source", "file"));
        List<Map<String, Object>> caches = list(document, "caches");
        assertThat(caches).extracting(c -> c.get("provider")).containsExactly("huggingface", "mlx", "torch",
                "glossary", "musicbrainz", "tmdb", null);
        assertThat(caches.get(4)).containsEntry("category", "application").containsEntry("exists", true)
                .containsEntry("files", 200L).containsEntry("details", null);
        assertThat(caches.getLast()).containsEntry("category", "legacy").containsEntry("exists", false)
                .containsEntry("newest_mtime", null);
        assertThat(List.copyOf(((Map<?, ?>) document.get("totals")).keySet())).isEqualTo(List.of("model", "application", "legacy", "all"));
        assertThat(list(document, "warnings")).extracting(w -> w.get("code")).contains("HF_INCOMPLETE_DOWNLOADS",
                "TORCH_PARTIAL_DOWNLOADS", "CACHE_DIR_MISSING");
    }

    @Test
    void textIsGroupedWithTotalsAndWarnings() {
        writeConfig();
        var result = cli().run("status");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Project: " + project + "\nConfig:  " + project.resolve(
                "config/hardware_cache.json") + "\n");
        List<String> lines = result.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("GROUP +PROVIDER +LOCATION +EXISTS +APPARENT +ON DISK( \\(EST\\.\\))? +FILES +NEWEST"))
                .anyMatch(l -> l.matches("model +huggingface +\\.cache/huggingface +yes +\\S+ KiB .*"))
                .anyMatch(l -> l.matches("model +mlx +\\.cache/mlx +no +- +- +- +-"))
                .anyMatch(l -> l.matches("application +musicbrainz +out/musicbrainz_cache +yes .* 200 .*"))
                .anyMatch(l -> l.matches("legacy +- +shared/model-cache +no .*"))
                .anyMatch(l -> l.startsWith("model ") && l.contains(" total "))
                .anyMatch(l -> l.startsWith("all ") && l.contains(" total "));
        assertThat(result.out()).contains("Warnings (", "  HF_INCOMPLETE_DOWNLOADS: huggingface: 1 interrupted");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void saysWhenTheBuiltInDefaultsAreUsed() throws Exception {
        var result = cli().run("status", "torch");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Config:  none, using the built-in defaults ('cachectl init' writes");
        var json = cli().run("status", "torch", "--json");
        assertThat(json.out()).contains("\"path\" : null,", "\"source\" : \"defaults\"");
    }

    @Test
    void detailsShowTheProvidersOwnView() throws Exception {
        var result = cli().run("status", "huggingface", "torch", "--details");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("huggingface details (" + project.resolve(".cache/huggingface") + "):",
                "  blob_bytes: 160500 (156.7 KiB)", "      id: openai/whisper-small", "          refs: refs/pr/1",
                "torch details (", "    - name: resnet18-f37072fd.pth");

        Map<String, Object> document = StatusJson.of(coreReport(List.of("huggingface", "torch"), true));
        assertThat(cli().run("status", "huggingface", "torch", "--details", "--json").out())
                .isEqualTo(JsonText.write(document));
        @SuppressWarnings("unchecked")
        Map<String, Object> hub = (Map<String, Object>) list(document, "caches").getFirst().get("details");
        assertThat(hub).containsEntry("repo_count", 3).containsEntry("blob_bytes", 160_500L);
    }

    @Test
    void unknownProviderExitsTwoAndListsTheKnownIds() {
        var result = cli().run("status", "torch", "tensorflow");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("cachectl: unknown provider 'tensorflow'; known providers: huggingface,"
                + " mlx, torch, glossary, musicbrainz, tmdb (see 'cachectl providers'), or a group: models, app, all\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void warningsDoNotFailStatus() {
        FixtureFiles.write(project.resolve("shared/model-cache/old/model.bin"), 4_000);
        var result = cli().env("TRANSFORMERS_CACHE", project.resolve(".cache/huggingface").toString())
                .run("status", "--json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"code\" : \"LEGACY_CACHE_NOT_EMPTY\"", "\"code\" : \"ENV_MISMATCH\"");
    }

    /** The report core builds for the harness's environment, to compare the CLI's rendering with. */
    private StatusReport coreReport(List<String> ids, boolean details) throws Exception {
        HostEnvironment host = new HostEnvironment(Map.of("HOME", home.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), home, false);
        Workspace workspace = Workspace.open(new WorkspaceRequest(project, Optional.empty(), List.of(), host),
                ProviderRegistry.loadBuiltIn());
        return StatusCollector.standard(ProgressListener.NONE)
                .collect(workspace, new StatusRequest(ids, details, project));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
