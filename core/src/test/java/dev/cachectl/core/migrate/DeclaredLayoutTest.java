package dev.cachectl.core.migrate;

import static dev.cachectl.core.migrate.LegacyPlacementTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheLayout;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import dev.cachectl.testkit.FixtureFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that is none of the built-in ones gets its legacy entries placed, its {@code --from} folders
 * recognised and its hub repo folders merged under the hub rules, from what its {@link CacheLayout} declares:
 * nothing in migration knows it by its id.
 */
class DeclaredLayoutTest {

    private static final CacheLayout VOICES = CacheLayout.hubRepos("repos", List.of("voice--?*"),
            List.of(".voice-locks")).place("voices/", "").place("*.onnx", "onnx");

    @TempDir
    Path temp;

    /** A third-party-like provider whose layout is whatever the test says. */
    record VoicesProvider(Supplier<CacheLayout> declared) implements CacheProvider {

        @Override
        public int apiVersion() {
            return CacheProvider.API_VERSION;
        }

        @Override
        public String id() {
            return "voices";
        }

        @Override
        public String displayName() {
            return "Voices";
        }

        @Override
        public CacheCategory category() {
            return CacheCategory.MODEL;
        }

        @Override
        public ConfigKey configKey() {
            return ConfigKey.of("model_caches", "voices");
        }

        @Override
        public String defaultPath() {
            return ".cache/voices";
        }

        @Override
        public EnvironmentSpec environment(Path directory) {
            return EnvironmentSpec.setting(Map.of("VOICES_HOME", directory.toString()));
        }

        @Override
        public List<OutsideLocation> outsideLocations(HostEnvironment host) {
            return List.of();
        }

        @Override
        public CacheLayout layout() {
            return declared.get();
        }
    }

    private MigrationTestProject project(Supplier<CacheLayout> layout) {
        MigrationTestProject project = new MigrationTestProject(temp.resolve("project"), temp.resolve("home"),
                temp.resolve("home/.cache"));
        List<CacheProvider> providers = new ArrayList<>(ProviderRegistry.loadBuiltIn().providers().stream()
                .map(RegisteredProvider::provider).toList());
        providers.add(new VoicesProvider(layout));
        project.registry = ProviderRegistry.of(providers);
        return project;
    }

    @Test
    void aProvidersDeclaredLayoutPlacesItsLegacyEntriesBesideTheBuiltInOnes() throws Exception {
        MigrationTestProject project = project(() -> VOICES);
        Path legacy = project.root.resolve("shared/model-cache");
        byte[] content = "amy's voice".getBytes(StandardCharsets.UTF_8);
        Path blob = legacy.resolve("voice--en--amy/blobs/" + sha256(content));
        FixtureFiles.write(legacy.resolve("voice--en--amy/refs/main"), 40);
        Files.createDirectories(blob.getParent());
        Files.write(blob, content);
        FixtureFiles.write(legacy.resolve(".voice-locks/voice--en--amy/a.lock"), 0);
        FixtureFiles.write(legacy.resolve("voices/old.bin"), 10);
        FixtureFiles.write(legacy.resolve("amy.onnx"), 20);
        FixtureFiles.write(legacy.resolve("checkpoints/resnet.pth"), 30);

        MigrationPlan plan = project.plan("voices", "torch");

        assertThat(lines(project, plan)).containsExactlyInAnyOrder(
                "torch: shared/model-cache/checkpoints -> .cache/torch/hub/checkpoints [resnet.pth]",
                "voices: shared/model-cache/voices -> .cache/voices [old.bin]",
                "voices: shared/model-cache -> .cache/voices/repos [.voice-locks, voice--en--amy]",
                "voices: shared/model-cache -> .cache/voices/onnx [amy.onnx]");
        assertThat(plan.skipped()).isEmpty();

        MigrationResult result = project.run(plan);

        Path cache = project.root.resolve(".cache/voices");
        assertThat(result.hasBlockingEntries()).isFalse();
        assertThat(cache.resolve("repos/voice--en--amy/blobs/" + sha256(content))).hasBinaryContent(content);
        assertThat(cache.resolve("repos/.voice-locks/voice--en--amy/a.lock")).exists();
        assertThat(cache.resolve("old.bin")).hasSize(10);
        assertThat(cache.resolve("onnx/amy.onnx")).hasSize(20);
        try (Stream<Path> left = Files.list(legacy)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theHubRulesApplyToTheRepoFoldersTheProviderDeclares() throws Exception {
        MigrationTestProject project = project(() -> VOICES);
        Path legacy = project.root.resolve("shared/model-cache");
        // A blob whose content is not what its name promises: a copy is refused, the source stays.
        String promised = sha256("the real voice".getBytes(StandardCharsets.UTF_8));
        Path corrupt = legacy.resolve("voice--en--bob/blobs/" + promised);
        FixtureFiles.write(corrupt, 50);

        MigrationResult result = project.run(project.plan(true, false, "voices"));

        assertThat(result.items()).anySatisfy(item -> assertThat(item.message())
                .contains("its SHA-256 is").contains("the source blob is corrupt"));
        assertThat(corrupt).exists();
        assertThat(project.root.resolve(".cache/voices/repos/voice--en--bob/blobs")).doesNotExist();
    }

    @Test
    void fromFoldersAndMisplacedRepoFoldersFollowTheDeclaredLayout() throws Exception {
        MigrationTestProject project = project(() -> VOICES);
        Path old = project.root.resolve("old-voices");
        FixtureFiles.write(old.resolve("voice--en--amy/refs/main"), 40);
        Path cache = project.root.resolve(".cache/voices");
        FixtureFiles.write(cache.resolve("voice--en--cy/refs/main"), 40);
        FixtureFiles.write(cache.resolve(".voice-locks/voice--en--cy/a.lock"), 0);

        MigrationPlan from = Migration.plan(project.workspace(), new MigrationRequest(List.of("voices"),
                Optional.of(old), false, false, Instant.now()));
        assertThat(lines(project, from)).containsExactly("voices: old-voices -> .cache/voices/repos [voice--en--amy]");
        assertThat(lines(project, project.plan("voices")))
                .containsExactly("voices: .cache/voices -> .cache/voices/repos [.voice-locks, voice--en--cy]");
    }

    @Test
    void aProviderThatDeclaresNothingHasNothingPlacedAndOneThatFailsIsReported() throws Exception {
        MigrationTestProject quiet = project(() -> CacheLayout.NONE);
        FixtureFiles.write(quiet.root.resolve("shared/model-cache/voices/old.bin"), 10);
        MigrationPlan plan = quiet.plan("voices");
        assertThat(plan.sources()).isEmpty();
        assertThat(plan.skipped()).extracting(SkippedLocation::path)
                .containsExactly(quiet.root.resolve("shared/model-cache/voices"));

        MigrationTestProject failing = new MigrationTestProject(temp.resolve("p2"), temp.resolve("h2"),
                temp.resolve("h2/.cache"));
        failing.registry = ProviderRegistry.of(List.of(new VoicesProvider(() -> {
            throw new IllegalStateException("no layout today");
        })));
        MigrationPlan failed = failing.plan("voices");
        assertThat(failed.skipped()).anySatisfy(s -> {
            assertThat(s.provider()).isEqualTo("voices");
            assertThat(s.origin()).isEqualTo("layout()");
            assertThat(s.reason()).contains("provider failed to declare its cache layout").contains("no layout today");
        });
        // A --from folder is not moved when the provider cannot say where its content belongs.
        Path old = Files.createDirectories(failing.root.resolve("old-voices"));
        FixtureFiles.write(old.resolve("amy.bin"), 10);
        MigrationPlan from = Migration.plan(failing.workspace(), new MigrationRequest(List.of("voices"),
                Optional.of(old), false, false, Instant.now()));
        assertThat(from.sources()).isEmpty();
        assertThat(from.skipped()).extracting(SkippedLocation::origin).containsExactly("layout()");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
