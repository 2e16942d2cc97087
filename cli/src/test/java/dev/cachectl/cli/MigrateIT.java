package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertThat(Files.readString(temp.resolve("second/err.txt"))).contains("another cachectl migrate is running");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(temp.resolve("first/err.txt"))).isZero();
        assertThat(work.resolve("journal")).doesNotExist();
    }
}
