package dev.cachectl.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceRequest;
import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.RealisticHub;
import dev.cachectl.testkit.RealisticTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCollectorTest {

    @TempDir
    Path temp;

    private Path project;
    private Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void layout() {
        project = FixtureFiles.directory(temp.resolve("project"));
        home = FixtureFiles.directory(temp.resolve("home"));
        env.put("HOME", home.toString());
    }

    private Workspace workspace(ProviderRegistry registry) throws Exception {
        HostEnvironment host = new HostEnvironment(env, home, false);
        return Workspace.open(new WorkspaceRequest(project, Optional.of(project), List.of(), host), registry);
    }

    private StatusReport status(String... ids) throws Exception {
        return status(ProviderRegistry.loadBuiltIn(), false, ids);
    }

    private StatusReport status(ProviderRegistry registry, boolean details, String... ids) throws Exception {
        return StatusCollector.standard(ProgressListener.NONE)
                .collect(workspace(registry), new StatusRequest(List.of(ids), details, project));
    }

    private static List<String> codes(StatusReport report) {
        return report.warnings().stream().map(Finding::code).toList();
    }

    @Test
    void rowsAreGroupedModelApplicationLegacyWithTotals() throws Exception {
        RealisticHub.build(project.resolve(".cache/huggingface"));
        RealisticTorch.build(project.resolve(".cache/torch"));
        FixtureFiles.write(project.resolve("out/tmdb_cache/movie-1.json"), 700);
        FixtureFiles.write(project.resolve("out/tmdb_cache/movie-2.json"), 300);

        StatusReport report = status();

        assertThat(report.configSource()).isEqualTo(ConfigSource.DEFAULTS);
        assertThat(report.caches()).extracting(c -> c.group().jsonName() + ":" + c.providerId().orElse("-"))
                .containsExactly("model:huggingface", "model:mlx", "model:torch", "application:glossary",
                        "application:musicbrainz", "application:tmdb", "legacy:-");
        CacheStatus tmdb = report.caches().get(5);
        assertThat(tmdb.exists()).isTrue();
        assertThat(tmdb.usage().files()).isEqualTo(2);
        // Two files and the folder itself (a directory's own st_size counts, as in du -b).
        assertThat(tmdb.usage().apparentBytes()).isEqualTo(700 + 300 + Files.size(project.resolve("out/tmdb_cache")));
        assertThat(tmdb.usage().dirs()).isEqualTo(1);
        TreeUsage models = report.totals().get(StatusGroup.MODEL);
        assertThat(models.files()).isEqualTo(report.caches().get(0).usage().files()
                + report.caches().get(2).usage().files());
        assertThat(report.total().files()).isEqualTo(models.files() + 2);
        assertThat(report.totals()).containsKeys(StatusGroup.MODEL, StatusGroup.APPLICATION, StatusGroup.LEGACY);
        assertThat(report.caches().get(1).exists()).isFalse();
        assertThat(report.caches().get(1).usage()).isEqualTo(TreeUsage.EMPTY);
    }

    @Test
    void missingDirectoriesAndProviderFindingsAreWarnings() throws Exception {
        RealisticHub.build(project.resolve(".cache/huggingface"));
        StatusReport report = status("huggingface", "mlx");

        assertThat(report.caches()).extracting(c -> c.providerId().orElseThrow()).containsExactly("huggingface", "mlx");
        assertThat(codes(report)).containsExactly("HF_INCOMPLETE_DOWNLOADS", "CACHE_DIR_MISSING");
        assertThat(report.warnings().getLast().message()).contains(".cache/mlx", "cachectl init");
        assertThat(report.caches()).allMatch(c -> c.details().isEmpty());
    }

    @Test
    void detailsOnlyWhenAskedAndOnlyForExistingCaches() throws Exception {
        RealisticHub.build(project.resolve(".cache/huggingface"));
        StatusReport report = status(ProviderRegistry.loadBuiltIn(), true, "huggingface", "torch");
        assertThat(report.caches().getFirst().details()).hasValueSatisfying(d ->
                assertThat(d.properties()).containsEntry("blob_bytes", 160_500L));
        assertThat(report.caches().getLast().details()).isEmpty();
    }

    @Test
    void legacyCacheWithDataIsAWarningAndOnlyShownWithoutAFilter() throws Exception {
        FixtureFiles.write(project.resolve("shared/model-cache/whisper/large.pt"), 5_000);
        StatusReport report = status();
        assertThat(codes(report)).contains("LEGACY_CACHE_NOT_EMPTY");
        CacheStatus legacy = report.caches().getLast();
        assertThat(legacy.group()).isEqualTo(StatusGroup.LEGACY);
        assertThat(legacy.usage().files()).isEqualTo(1);
        assertThat(status("torch").caches()).noneMatch(c -> c.group() == StatusGroup.LEGACY);
    }

    @Test
    void outsideCachesAreReportedWithTheirSizeOnceAndNeverInsideTheProject() throws Exception {
        RealisticHub.build(home.resolve(".cache/huggingface"));
        FixtureFiles.write(home.resolve(".cache/whisper/large-v3.pt"), 9_000);
        env.put("HF_HOME", home.resolve(".cache/huggingface").toString());
        env.put("TORCH_HOME", project.resolve(".cache/torch").toString());
        FixtureFiles.write(project.resolve(".cache/torch/hub/checkpoints/a.pth"), 10);

        StatusReport report = status("huggingface", "torch");
        List<String> outside = report.warnings().stream().filter(w -> w.code().equals("OUTSIDE_CACHE"))
                .map(Finding::message).toList();
        assertThat(outside).hasSize(2);
        assertThat(outside.getFirst()).startsWith(home.resolve(".cache/huggingface/hub") + " holds ")
                .contains("huggingface cache", "cachectl migrate huggingface", ".cache/huggingface/hub");
        assertThat(outside.getLast()).startsWith(home.resolve(".cache/whisper") + " holds ")
                .contains("1 file(s)", ".cache/torch/whisper");
    }

    @Test
    void variablesPointingElsewhereAreReported() throws Exception {
        env.put("HF_HOME", project.resolve(".cache/huggingface/").toString());
        env.put("TRANSFORMERS_CACHE", project.resolve(".cache/huggingface").toString());
        env.put("PYTORCH_TRANSFORMERS_CACHE", "/somewhere");
        env.put("TORCH_HOME", ".cache/torch");

        StatusReport report = status("huggingface", "torch");
        List<String> messages = report.warnings().stream().filter(w -> w.code().equals("ENV_MISMATCH"))
                .map(Finding::message).toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst()).startsWith("TRANSFORMERS_CACHE is " + project.resolve(".cache/huggingface"))
                .contains(project.resolve(".cache/huggingface/hub").toString());
        assertThat(messages.getLast()).startsWith("PYTORCH_TRANSFORMERS_CACHE is set to /somewhere");
    }

    @Test
    void anUnreadableFolderIsReportedAndTheRestMeasured() throws Exception {
        Path blocked = FixtureFiles.directory(project.resolve("out/tmdb_cache/blocked"));
        FixtureFiles.write(blocked.resolve("hidden.json"), 500);
        FixtureFiles.write(project.resolve("out/tmdb_cache/visible.json"), 300);
        Files.setPosixFilePermissions(blocked, PosixFilePermissions.fromString("---------"));
        try {
            // root reads everything: the real-process StatusIT covers this case by dropping privileges.
            assumeFalse(Files.isReadable(blocked), "running as root: permissions do not stop us");
            StatusReport report = status("tmdb");
            assertThat(report.caches().getFirst().usage().files()).isEqualTo(1);
            assertThat(report.warnings()).filteredOn(w -> w.code().equals("SCAN_INCOMPLETE")).singleElement()
                    .satisfies(w -> assertThat(w.message()).contains(blocked.toString()));
        } finally {
            Files.setPosixFilePermissions(blocked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void unknownProviderIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> status("tensorflow"))
                .isInstanceOf(UnknownProviderException.class)
                .hasMessage("unknown provider 'tensorflow'; known providers: huggingface, mlx, torch, glossary,"
                        + " musicbrainz, tmdb (see 'cachectl providers'), or a group: models, app, all");
    }

    @Test
    void aProviderThatThrowsIsAWarningAndTheOthersAreMeasured() throws Exception {
        List<CacheProvider> providers = new ArrayList<>(ProviderRegistry.loadBuiltIn().providers().stream()
                .map(RegisteredProvider::provider).toList());
        providers.add(new ThrowingProvider());
        FixtureFiles.write(project.resolve("out/broken/file"), 10);

        StatusReport report = status(ProviderRegistry.of(providers), true);

        assertThat(report.warnings()).filteredOn(w -> w.code().equals("PROVIDER_FAILED")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("'broken'", "inspect()", "disk on fire"));
        CacheStatus broken = report.caches().stream().filter(c -> c.providerId().equals(Optional.of("broken")))
                .findFirst().orElseThrow();
        assertThat(broken.usage().files()).isEqualTo(1);
        assertThat(report.caches()).hasSize(8);
    }

    /** An application cache provider whose inspection throws. */
    static final class ThrowingProvider implements CacheProvider {
        @Override
        public int apiVersion() {
            return CacheProvider.API_VERSION;
        }

        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String displayName() {
            return "Broken";
        }

        @Override
        public CacheCategory category() {
            return CacheCategory.APPLICATION;
        }

        @Override
        public ConfigKey configKey() {
            return ConfigKey.of("application_caches", "broken");
        }

        @Override
        public String defaultPath() {
            return "out/broken";
        }

        @Override
        public EnvironmentSpec environment(Path directory) {
            return EnvironmentSpec.setting(Map.of());
        }

        @Override
        public List<OutsideLocation> outsideLocations(HostEnvironment host) {
            return List.of();
        }

        @Override
        public List<CacheFinding> inspect(CacheTree tree) {
            throw new IllegalStateException("disk on fire");
        }
    }
}
