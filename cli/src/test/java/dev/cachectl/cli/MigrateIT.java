package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.testkit.DeepTrees;
import dev.cachectl.testkit.FixtureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachectl migrate} as a real process of the built distribution, on real trees. */
class MigrateIT {

    @TempDir
    Path temp;

    private Path scratch;

    @AfterEach
    void cleanUp() throws Exception {
        if (scratch != null) {
            MigrateTrees.delete(scratch);
        }
    }

    private static int run(MigrateTrees trees, Path logs, Map<String, String> env, String... args) throws Exception {
        Process process = trees.start(logs, env, List.of(args));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** A plugin folder holding {@code <name>.jar}: module {@code com.example.<name>} providing {@code provider}. */
    private Path pluginFolder(String name, ProviderSource provider) throws Exception {
        Path jar = PluginFixtures.shared().jars.jar(name + ".jar")
                .source("module-info.java", "module com.example." + name + " { requires dev.cachectl.api;"
                        + " provides dev.cachectl.api.CacheProvider with " + provider.qualifiedName() + "; }")
                .source(provider.path(), provider.text()).build();
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(jar, plugins.resolve(name + ".jar"));
        return plugins;
    }

    private static void build(MigrateTrees trees) throws Exception {
        Random random = new Random(42);
        MigrateTrees.hubRepo(trees.outsideHub(), "models--openai--whisper-small", FixtureFiles.sha1("c1"), 4,
                300_000, random);
        MigrateTrees.hubRepo(trees.outsideHub(), "models--facebook--nllb-200", FixtureFiles.sha1("c2"), 3,
                200_000, random);
        Path a = FixtureFiles.write(trees.outsideTorch().resolve("hub/checkpoints/resnet18.pth"), 500_000);
        Files.createDirectories(trees.outsideTorch().resolve("whisper"));
        Files.createLink(trees.outsideTorch().resolve("whisper/alias.pt"), a);
        MigrateTrees.sparse(trees.outsideTorch().resolve("hub/checkpoints/sparse.bin"), 48L << 20, 3L << 20);
    }

    @Test
    void acrossFileSystemsEverythingArrivesWithLinksHolesAndHashesIntact() throws Exception {
        Optional<Path> other = MigrateTrees.otherFileSystem(temp);
        assumeTrue(other.isPresent(), MigrateTrees.NO_OTHER_FS);
        scratch = other.get();
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), scratch.resolve(".cache"));
        build(trees);
        Map<String, String> hub = MigrateTrees.contents(trees.outsideHub());
        Map<String, String> torch = MigrateTrees.contents(trees.outsideTorch());
        long sparseBlocks = MigrateTrees.blocks(trees.outsideTorch().resolve("hub/checkpoints/sparse.bin"));

        assertThat(run(trees, temp.resolve("logs"), Map.of(), "migrate", "--yes")).isZero();

        hub.keySet().removeIf(path -> path.startsWith(".locks"));
        assertThat(MigrateTrees.contents(trees.projectHub())).isEqualTo(hub);
        assertThat(MigrateTrees.contents(trees.projectTorch())).isEqualTo(torch);
        assertThat(Files.isSameFile(trees.projectTorch().resolve("hub/checkpoints/resnet18.pth"),
                trees.projectTorch().resolve("whisper/alias.pt"))).as("hard links stay linked").isTrue();
        assertThat(MigrateTrees.blocks(trees.projectTorch().resolve("hub/checkpoints/sparse.bin")))
                .as("holes stay holes").isLessThanOrEqualTo(sparseBlocks + 8);
        assertThat(trees.outsideHub()).doesNotExist();
        assertThat(trees.outsideTorch()).doesNotExist();
        assertThat(trees.project.resolve(".cache/huggingface/.cachectl-migrate/journal")).doesNotExist();
    }

    @Test
    void onTheSameFileSystemEntriesAreRenamedKeepingTheirInodes() throws Exception {
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), temp.resolve("home/.cache"));
        build(trees);
        Map<String, String> torch = MigrateTrees.contents(trees.outsideTorch());
        Object inode = Files.readAttributes(trees.outsideTorch().resolve("hub/checkpoints/sparse.bin"),
                BasicFileAttributes.class).fileKey();

        assertThat(run(trees, temp.resolve("logs"), Map.of(), "migrate", "torch", "--yes")).isZero();

        assertThat(MigrateTrees.contents(trees.projectTorch())).isEqualTo(torch);
        assertThat(Files.readAttributes(trees.projectTorch().resolve("hub/checkpoints/sparse.bin"),
                BasicFileAttributes.class).fileKey()).as("renamed, not copied").isEqualTo(inode);
        assertThat(trees.outsideTorch()).doesNotExist();
        assertThat(trees.outsideHub()).as("only torch was asked for").isDirectory();
    }

    @Test
    void aSecondMigrationIsLockedOutWhileTheFirstRuns() throws Exception {
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), temp.resolve("home/.cache"));
        build(trees);
        Process first = trees.start(temp.resolve("first"), MigrateTrees.stepDelay("1000"),
                List.of("migrate", "--yes"));
        Path work = trees.project.resolve(".cache/huggingface/.cachectl-migrate");
        for (int i = 0; i < 2000 && !Files.exists(work.resolve("journal")) && first.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertThat(first.isAlive()).as("the first run is still working").isTrue();

        int second = run(trees, temp.resolve("second"), Map.of(), "migrate", "--yes");

        assertThat(second).isEqualTo(ExitCode.PROBLEM);
        assertThat(Files.readString(temp.resolve("second/err.txt"))).contains("another cachectl command (a clear or a"
                + " migrate) is working in");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(temp.resolve("first/err.txt"))).isZero();
        assertThat(work.resolve("journal")).doesNotExist();
    }

    @Test
    void theProductionLauncherIgnoresTheOldTestDelayVariable() throws Exception {
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), temp.resolve("home/.cache"));
        build(trees);
        long started = System.nanoTime();

        // Honoured, ten minutes before each of the dozen file-level steps would outlast run()'s two minutes.
        int exit = run(trees, temp.resolve("logs"), Map.of("CACHECTL_MIGRATE_TEST_DELAY_MS", "600000"), "migrate",
                "torch", "--yes");

        assertThat(exit).as(Files.readString(temp.resolve("logs/err.txt"))).isZero();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(60));
        assertThat(trees.projectTorch().resolve("hub/checkpoints/resnet18.pth")).exists();
    }

    @Test
    void acrossFileSystemsATreeDeeperThanPathMaxArrivesIntact() throws Exception {
        Optional<Path> other = MigrateTrees.otherFileSystem(temp);
        assumeTrue(other.isPresent(), MigrateTrees.NO_OTHER_FS);
        Path shm = other.get();
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), shm.resolve(".cache"));
        try {
            Path checkpoints = Files.createDirectories(trees.outsideTorch().resolve("hub/checkpoints"));
            String deep = "hub/checkpoints/" + DeepTrees.build(checkpoints, 20, 230);
            assertThat(trees.outsideTorch().resolve(deep).toString().length()).isGreaterThan(4096);
            Map<String, String> before = DeepTrees.contents(trees.outsideTorch());

            assertThat(run(trees, temp.resolve("logs"), Map.of(), "migrate", "torch", "--yes"))
                    .as(Files.readString(temp.resolve("logs/out.txt"))).isZero();

            Map<String, String> after = DeepTrees.contents(trees.projectTorch());
            after.keySet().removeIf(p -> p.startsWith(".cachectl-migrate"));
            assertThat(after).isEqualTo(before);
            assertThat(DeepTrees.sameInode(trees.projectTorch(), deep + "/deep.bin", deep + "/deep-alias.bin")).isTrue();
            assertThat(trees.outsideTorch()).doesNotExist();
        } finally {
            // JUnit's clean-up walks full paths and cannot remove trees this deep.
            DeepTrees.delete(shm);
            DeepTrees.delete(trees.project);
        }
    }

    @Test
    void aPluginsOutsideLocationsAtSystemDirectoriesOrHoldingOtherThingsAreRefused() throws Exception {
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), temp.resolve("home/.cache"));
        Path declared = temp.resolve("voices");
        FixtureFiles.write(declared.resolve("model.bin"), 100);
        FixtureFiles.writeText(declared.resolve("diary.txt"), "mine");
        ProviderSource provider = ProviderSource.of("com.example.voices.VoicesProvider", "voices").outsideLocations("""
                return List.of(new OutsideLocation(Path.of("/etc"), "", "VOICES_HOME"),
                        new OutsideLocation(Path.of("/usr/share"), "", "VOICES_SHARED"),
                        new OutsideLocation(host.path("VOICES_OLD").orElseThrow(), "", "VOICES_OLD",
                                List.of("*.bin")));""");
        Path plugins = pluginFolder("voices", provider);

        int exit = run(trees, temp.resolve("logs"), Map.of("VOICES_OLD", declared.toString()), "--plugins",
                plugins.toString(), "migrate", "voices", "--dry-run", "--json");

        String out = Files.readString(temp.resolve("logs/out.txt"));
        assertThat(exit).as(Files.readString(temp.resolve("logs/err.txt"))).isEqualTo(ExitCode.PROBLEM);
        assertThat(out).contains("\"path\" : \"/etc\"").contains("is /etc, a system directory")
                .contains("\"path\" : \"/usr/share\"").contains("is inside /usr, a system directory")
                .contains("holds diary.txt, which a voices cache here does not (*.bin)")
                .doesNotContain("/etc/").contains("\"sources\" : [ ]");
        assertThat(declared.resolve("diary.txt")).exists();
    }

    @Test
    void aPluginsDeclaredLayoutPlacesItsLegacyEntriesButCannotTakeABuiltInProvidersOnes() throws Exception {
        MigrateTrees trees = new MigrateTrees(temp.resolve("project"), temp.resolve("home/.cache"));
        Path legacy = trees.project.resolve("shared/model-cache");
        FixtureFiles.write(legacy.resolve("voices/amy.bin"), 100);
        FixtureFiles.write(legacy.resolve("bob.onnx"), 50);
        FixtureFiles.write(legacy.resolve("checkpoints/resnet.pth"), 200);
        ProviderSource provider = ProviderSource.of("com.example.layout.LayoutProvider", "voices").members("""
                @Override public dev.cachectl.api.CacheLayout layout() {
                    return dev.cachectl.api.CacheLayout.NONE.place("voices/", "").place("*.onnx", "onnx")
                            .place("checkpoints/", "stolen");
                }""");
        Path plugins = pluginFolder("layout", provider);

        int exit = run(trees, temp.resolve("logs"), Map.of(), "--plugins", plugins.toString(), "migrate", "voices",
                "torch", "--yes");

        assertThat(exit).as(Files.readString(temp.resolve("logs/err.txt"))).isEqualTo(ExitCode.OK);
        Path caches = trees.project.resolve(".cache");
        assertThat(caches.resolve("voices/amy.bin")).hasSize(100);
        assertThat(caches.resolve("voices/onnx/bob.onnx")).hasSize(50);
        assertThat(caches.resolve("torch/hub/checkpoints/resnet.pth")).hasSize(200);
        assertThat(caches.resolve("voices/stolen")).doesNotExist();
        assertThat(legacy.resolve("voices")).doesNotExist();
    }
}
