package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs {@code cachectl migrate} (the built distribution) at random moments, checks after every kill that
 * no file is lost and nothing outside the plan changed, reruns it, and checks at the end that every file
 * is present exactly once. Odd iterations move within one file system (renames, links), even ones across
 * file systems ({@code /dev/shm} to the temp folder: copy, verify, publish, delete) where the machine has
 * two. The seed makes the trees and the kill delays repeatable (the process timing is not).
 */
class MigrateKillIT {

    private static final long SEED = 0x6d696772617465L;
    private static final int ITERATIONS = 15;
    /** Test-only pause per file-level step, so a kill lands in the middle of the work. */
    private static final String STEP_DELAY = "12";

    @TempDir
    Path temp;

    /** What one iteration starts with and must end with. */
    private record Expected(Map<String, String> hub, Map<String, String> destHub, Map<String, String> torch,
                            Map<String, String> untouchable, String conflictRef) {
    }

    @Test
    void killedAtRandomMomentsAndRerunItLosesAndDuplicatesNothing() throws Exception {
        Random random = new Random(SEED);
        Optional<Path> other = MigrateTrees.otherFileSystem(temp);
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                boolean cross = other.isPresent() && i % 2 == 0;
                Path base = (cross ? other.get() : temp).resolve("iteration-" + i);
                MigrateTrees trees = new MigrateTrees(temp.resolve("project-" + i), base.resolve(".cache"));
                Expected expected = build(trees, base, random);
                int kills = random.nextInt(4) == 0 ? 2 : 1;
                for (int k = 0; k < kills; k++) {
                    killMidway(trees, temp.resolve("logs-" + i + "-" + k), random);
                    assertNothingLost(trees, expected, "iteration " + i + " after kill " + (k + 1));
                }
                Process last = trees.start(temp.resolve("logs-" + i + "-final"), Map.of(), List.of("migrate", "--yes"));
                assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
                // 1: the conflicting ref stays behind, by design.
                assertThat(last.exitValue()).as(Files.readString(temp.resolve("logs-" + i + "-final/err.txt")))
                        .isEqualTo(ExitCode.PROBLEM);
                assertExactlyOnce(trees, expected, "iteration " + i + (cross ? " (across file systems)" : ""));
            }
        } finally {
            if (other.isPresent()) {
                MigrateTrees.delete(other.get());
            }
        }
    }

    private Expected build(MigrateTrees trees, Path base, Random random) throws Exception {
        for (int r = 0; r < 3; r++) {
            MigrateTrees.hubRepo(trees.outsideHub(), "models--org--model-" + r, FixtureFiles.sha1("c" + r),
                    2 + random.nextInt(4), 250_000, random);
        }
        // A repo both sides have: one blob in common, a new one, and refs/main pointing elsewhere.
        Path srcRepo = trees.outsideHub().resolve("models--org--shared");
        Path destRepo = trees.projectHub().resolve("models--org--shared");
        byte[] common = new byte[200_000];
        random.nextBytes(common);
        String commonName = MigrateTrees.sha256(common);
        for (Path repo : List.of(srcRepo, destRepo)) {
            FixtureFiles.write(repo.resolve("blobs").resolve(commonName), common);
        }
        MigrateTrees.hubRepo(trees.outsideHub(), "models--org--shared", FixtureFiles.sha1("new"), 2, 300_000, random);
        FixtureFiles.symlink(destRepo.resolve("snapshots").resolve(FixtureFiles.sha1("old")).resolve("common.bin"),
                "../../blobs/" + commonName);
        FixtureFiles.writeText(destRepo.resolve("refs/main"), FixtureFiles.sha1("old"));
        // Torch: a hard-linked pair in two top-level entries, a sparse file, a link out of the cache.
        Path a = FixtureFiles.write(trees.outsideTorch().resolve("hub/checkpoints/a.pth"), 1 + random.nextInt(900_000));
        Files.createDirectories(trees.outsideTorch().resolve("whisper"));
        Files.createLink(trees.outsideTorch().resolve("whisper/a-alias.pt"), a);
        MigrateTrees.sparse(trees.outsideTorch().resolve("hub/checkpoints/sparse.bin"), 8L << 20, 1L << 20);
        Path precious = FixtureFiles.write(base.resolve("elsewhere/precious.bin"), 5000);
        FixtureFiles.symlink(trees.outsideTorch().resolve("hub/checkpoints/link-out.pth"), precious.toString());
        FixtureFiles.writeText(trees.xdg.resolve("huggingface/token"), "hf_secret");

        Map<String, String> hub = MigrateTrees.contents(trees.outsideHub());
        hub.keySet().removeIf(p -> p.startsWith(".locks"));
        Map<String, String> untouchable = new HashMap<>();
        untouchable.put(precious.toString(), MigrateTrees.contents(precious.getParent()).get("precious.bin"));
        untouchable.put(trees.xdg.resolve("huggingface/token").toString(),
                MigrateTrees.contents(trees.xdg.resolve("huggingface")).get("token"));
        return new Expected(hub, MigrateTrees.contents(trees.projectHub()), MigrateTrees.contents(trees.outsideTorch()),
                untouchable, "models--org--shared/refs/main");
    }

    private static void killMidway(MigrateTrees trees, Path logs, Random random) throws Exception {
        long delay = random.nextInt(700);
        Process process = trees.start(logs, MigrateTrees.stepDelay(STEP_DELAY),
                List.of("migrate", "--yes"));
        // Wait until it holds its lock and works (the JVM's start-up varies), then let it run a random while.
        Path work = trees.project.resolve(".cache/huggingface/.cachectl-migrate");
        for (int i = 0; i < 3000 && process.isAlive() && !Files.exists(work); i++) {
            Thread.sleep(5);
        }
        Thread.sleep(delay);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Every source file is on one side or the other with its content; nothing else changed. */
    private static void assertNothingLost(MigrateTrees trees, Expected expected, String when) {
        Map<String, String> srcHub = MigrateTrees.contents(trees.outsideHub());
        Map<String, String> dstHub = MigrateTrees.contents(trees.projectHub());
        expected.hub().forEach((path, content) -> {
            if (path.equals(expected.conflictRef())) {
                assertThat(srcHub).as(when + ": the conflicting ref never leaves the source").containsEntry(path, content);
            } else {
                assertThat(content).as(when + ": " + path + " is lost or changed")
                        .isIn(srcHub.get(path), dstHub.get(path));
            }
        });
        dstHub.forEach((path, content) -> {
            if (!path.startsWith(".cachectl-migrate")) {
                String wanted = expected.destHub().containsKey(path) ? expected.destHub().get(path) : expected.hub().get(path);
                assertThat(content).as(when + ": unexpected destination file " + path).isEqualTo(wanted);
            }
        });
        Map<String, String> srcTorch = MigrateTrees.contents(trees.outsideTorch());
        Map<String, String> dstTorch = MigrateTrees.contents(trees.projectTorch());
        expected.torch().forEach((path, content) -> assertThat(content).as(when + ": torch " + path)
                .isIn(srcTorch.get(path), dstTorch.get(path)));
        dstTorch.forEach((path, content) -> {
            if (!path.startsWith(".cachectl-migrate")) {
                assertThat(expected.torch()).as(when + ": unexpected torch file").containsEntry(path, content);
            }
        });
        expected.untouchable().forEach((path, content) -> assertThat(MigrateTrees.contents(Path.of(path).getParent())
                .get(Path.of(path).getFileName().toString())).as(when + ": " + path + " is outside the plan")
                .isEqualTo(content));
    }

    /** After a complete run: every file in the destination once, the sources emptied, no work folder left. */
    private static void assertExactlyOnce(MigrateTrees trees, Expected expected, String when) throws Exception {
        assertNothingLost(trees, expected, when);
        Map<String, String> wantedHub = new java.util.TreeMap<>(expected.hub());
        wantedHub.putAll(expected.destHub());
        assertThat(MigrateTrees.contents(trees.projectHub())).as(when).isEqualTo(wantedHub);
        assertThat(MigrateTrees.contents(trees.outsideHub())).as(when + ": only the conflict stays")
                .containsOnlyKeys(expected.conflictRef(), ".locks/models--org--shared/x.lock");
        assertThat(MigrateTrees.contents(trees.projectTorch())).as(when).isEqualTo(expected.torch());
        assertThat(trees.outsideTorch()).as(when).doesNotExist();
        assertThat(Files.isSameFile(trees.projectTorch().resolve("hub/checkpoints/a.pth"),
                trees.projectTorch().resolve("whisper/a-alias.pt"))).as(when + ": hard link kept").isTrue();
        assertThat(trees.project.resolve(".cache/huggingface/.cachectl-migrate/journal")).as(when).doesNotExist();
        assertThat(trees.project.resolve(".cache/huggingface/.cachectl-migrate/staging")).as(when).doesNotExist();
        assertThat(trees.project.resolve(".cache/torch/.cachectl-migrate/journal")).as(when).doesNotExist();
    }
}
