package dev.cachectl.core.migrate;

import java.util.Optional;
import dev.cachectl.core.delete.TreeDeleter;
import dev.cachectl.core.delete.DirectoryLock;
import static dev.cachectl.core.migrate.MigrationTestProject.item;
import static dev.cachectl.core.migrate.MigrationTestProject.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachectl.core.delete.InUse;
import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.delete.LockState;
import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.HubCacheFixture;
import dev.cachectl.testkit.HubRepoFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries in use, unsafe sources, the migration lock, and finishing what an interrupted run left. */
class SafetyAndRecoveryTest {

    @TempDir
    Path temp;

    private MigrationTestProject project() {
        return new MigrationTestProject(temp.resolve("project"), temp.resolve("home"), temp.resolve("home/.cache"));
    }

    private static HubRepoFixture repo(MigrationTestProject project, String id) {
        HubRepoFixture repo = HubCacheFixture.at(project.outsideHub()).model(id);
        repo.blob(FixtureFiles.sha1(id), 100).link(FixtureFiles.sha1("c"), "config.json", FixtureFiles.sha1(id))
                .ref("main", FixtureFiles.sha1("c"));
        return repo;
    }

    @Test
    void aRepoWhoseDownloadLockIsHeldIsRefusedUnlessForced() throws Exception {
        MigrationTestProject project = project();
        HubRepoFixture busy = repo(project, "org/busy");
        repo(project, "org/idle");
        HubCacheFixture.at(project.outsideHub()).lock(busy, "abc");
        Path lock = project.outsideHub().resolve(".locks/models--org--busy/abc.lock");
        // util-linux flock(1) takes the same flock(2) lock as Python's filelock.
        Process holder = new ProcessBuilder("flock", "-x", lock.toString(), "sleep", "30").start();
        try {
            waitUntilHeld(lock);
            MigrationPlan plan = project.plan("huggingface");
            assertThat(item(plan, "models--org--busy").action()).isEqualTo(PlanAction.REFUSED);
            assertThat(item(plan, "models--org--busy").reason()).contains("holds its lock").contains("--force");
            assertThat(item(plan, "models--org--idle").action()).isEqualTo(PlanAction.MOVE);
            assertThat(item(plan, ".locks/models--org--busy/abc.lock").action()).isEqualTo(PlanAction.KEPT);

            MigrationPlan forced = project.plan(false, true, "huggingface");
            assertThat(item(forced, "models--org--busy").action()).isEqualTo(PlanAction.MOVE);
            assertThat(item(forced, ".locks/models--org--busy/abc.lock").action()).isEqualTo(PlanAction.KEPT);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void waitUntilHeld(Path lock) throws InterruptedException {
        for (int i = 0; i < 200 && InUse.lockState(LockProbe.system(), lock) != LockState.HELD; i++) {
            Thread.sleep(25);
        }
        assertThat(InUse.lockState(LockProbe.system(), lock)).isEqualTo(LockState.HELD);
    }

    @Test
    void aRecentIncompleteDownloadHoldsItsRepoBackButAnOldOneMoves() throws Exception {
        MigrationTestProject project = project();
        repo(project, "org/downloading").incomplete("fresh", 10);
        Path stale = repo(project, "org/stale").incomplete("old", 10).path().resolve("blobs/old.incomplete");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));

        MigrationPlan plan = project.plan("huggingface");

        assertThat(item(plan, "models--org--downloading").action()).isEqualTo(PlanAction.REFUSED);
        assertThat(item(plan, "models--org--downloading").reason()).contains("in progress");
        assertThat(item(plan, "models--org--stale").action()).isEqualTo(PlanAction.MOVE);
        assertThat(plan.hasBlockingEntries()).isTrue();
    }

    @Test
    void anOutsideLocationThatIsALinkToTheProjectCacheIsNeverTouched() throws Exception {
        MigrationTestProject project = project();
        HubCacheFixture.at(project.hfHub()).model("org/m").blob("a", 10);
        Files.createDirectories(project.xdg.resolve("huggingface"));
        Files.createSymbolicLink(project.outsideHub(), project.hfHub());
        Map<String, String> before = snapshot(project.hfHub());

        MigrationPlan plan = project.plan("huggingface");

        assertThat(plan.sources()).isEmpty();
        assertThat(plan.changesNothing()).isTrue();
        assertThat(snapshot(project.hfHub())).isEqualTo(before);
    }

    @Test
    void theHomeDirectoryIsRefusedAsASource() throws Exception {
        MigrationTestProject project = project();
        FixtureFiles.write(project.home.resolve("notes.txt"), 10);
        project.env.put("TORCH_HOME", project.home.toString());

        MigrationPlan plan = project.plan("torch");

        assertThat(plan.sources()).isEmpty();
        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.reason()).contains("home directory");
            assertThat(s.blocking()).isTrue();
        });
    }

    @Test
    void aSecondMigrationIsLockedOut() throws Exception {
        MigrationTestProject project = project();
        repo(project, "org/m");
        MigrationPlan plan = project.plan("huggingface");
        try (MigrationSession first = Migration.lock(project.workspace(), plan)) {
            assertThat(first.caches()).hasSize(1);
            assertThatThrownBy(() -> Migration.lock(project.workspace(), plan)).isInstanceOf(MigrationLockedException.class)
                    .hasMessageContaining("another cachectl");
        }
        try (MigrationSession again = Migration.lock(project.workspace(), plan)) {
            assertThat(again.resumed()).isFalse();
        }
        MigrationTestProject.assertNoWorkFolderLeft(project.root.resolve(".cache/huggingface"));
    }

    private static MigrationRequest moveHub() {
        return new MigrationRequest(List.of("huggingface"), Optional.empty(), false, false, Instant.now());
    }

    @Test
    void migrateAndClearTakeTurnsOnACache() throws Exception {
        MigrationTestProject project = project();
        repo(project, "org/m");
        MigrationRequest request = moveHub();
        MigrationPlan plan = Migration.plan(project.workspace(), request);
        Path cache = Files.createDirectories(project.root.resolve(".cache/huggingface"));
        TreeDeleter deleter = TreeDeleter.create();
        // The lock clear takes on a cache it deletes in.
        try (DirectoryLock clearing = deleter.lock(deleter.pin(cache), false).orElseThrow()) {
            assertThat(clearing).isNotNull();
            assertThatThrownBy(() -> Migration.start(project.workspace(), request, plan))
                    .isInstanceOf(MigrationLockedException.class)
                    .hasMessageContaining("another cachectl command (a clear or a migrate) is working in");
        }
        assertThat(project.outsideHub().resolve("models--org--m")).isDirectory();
        try (MigrationSession session = Migration.start(project.workspace(), request, plan)) {
            // While migrate holds it, a clear cannot lock the destination either.
            assertThat(deleter.lock(deleter.pin(cache), false)).isEmpty();
            assertThat(session.caches()).contains(cache);
        }
    }

    @Test
    void aPlanThatChangedAfterItWasShownIsNotRun() throws Exception {
        MigrationTestProject project = project();
        repo(project, "org/m");
        MigrationRequest request = moveHub();
        MigrationPlan shown = Migration.plan(project.workspace(), request);
        repo(project, "org/late");

        assertThatThrownBy(() -> Migration.start(project.workspace(), request, shown))
                .isInstanceOf(PlanChangedException.class).hasMessageContaining("nothing was done");
        assertThat(project.outsideHub().resolve("models--org--m")).isDirectory();
        assertThat(project.hfHub().resolve("models--org--m")).doesNotExist();
    }

    @Test
    void aRerunRemovesStagingLeftoversAndSourcesAlreadyPublished() throws Exception {
        MigrationTestProject project = project();
        repo(project, "org/published");
        repo(project, "org/untouched");
        Map<String, String> before = snapshot(project.outsideHub());
        // As a run killed after publishing one repo and while staging another would leave things:
        Path work = project.root.resolve(".cache/huggingface/.cachectl-migrate");
        Path leftover = FixtureFiles.write(work.resolve("staging/000002-models--org--untouched/blobs/x"), 50);
        Files.writeString(work.resolve("journal"), MigrationJournalTest.line(Map.of("type", "stage", "staging",
                leftover.getParent().getParent().toString(), "final", "ignored")));
        copyTree(project.outsideHub().resolve("models--org--published"), project.hfHub().resolve("models--org--published"));

        MigrationPlan plan = project.plan("huggingface");
        assertThat(item(plan, "models--org--published/blobs/" + FixtureFiles.sha1("org/published")).action())
                .isEqualTo(PlanAction.DUPLICATE);
        MigrationResult result = project.run(plan);

        assertThat(result.resumed()).isTrue();
        assertThat(result.removedLeftovers()).isEqualTo(1);
        assertThat(result.hasBlockingEntries()).isFalse();
        assertThat(snapshot(project.hfHub())).isEqualTo(before);
        assertThat(project.outsideHub()).doesNotExist();
        MigrationTestProject.assertNoWorkFolderLeft(project.root.resolve(".cache/huggingface"));
    }

    @Test
    void leftoversOfAnInterruptedRunAreClearedEvenWhenNothingIsLeftToMigrate() throws Exception {
        MigrationTestProject project = project();
        Path work = project.root.resolve(".cache/torch/.cachectl-migrate");
        FixtureFiles.write(work.resolve("staging/000001-hub/checkpoints/partial.pth"), 100);
        Files.writeString(work.resolve("journal"), MigrationJournalTest.line(Map.of("type", "run", "id", "1")));

        MigrationPlan plan = project.plan("torch");
        assertThat(plan.changesNothing()).isTrue();
        assertThat(Migration.interrupted(project.workspace())).containsExactly(project.root.resolve(".cache/torch"));
        MigrationResult result = project.run(plan);

        assertThat(result.resumed()).isTrue();
        assertThat(result.removedLeftovers()).isEqualTo(1);
        assertThat(Migration.interrupted(project.workspace())).isEmpty();
        MigrationTestProject.assertNoWorkFolderLeft(project.root.resolve(".cache/torch"));
    }

    @Test
    void legacyLayoutsAndTheMisplacedTransformersLayoutGoToTheRightCaches() throws Exception {
        MigrationTestProject project = project();
        Path legacy = project.root.resolve("shared/model-cache");
        HubCacheFixture.at(legacy).model("org/legacy-model").blob("b1", 10);
        FixtureFiles.write(legacy.resolve("checkpoints/resnet.pth"), 20);
        FixtureFiles.write(legacy.resolve("whisper/tiny.pt"), 30);
        FixtureFiles.write(legacy.resolve("notes.txt"), 5);
        FixtureFiles.write(legacy.resolve(".gitkeep"), 0);
        HubCacheFixture.at(project.root.resolve(".cache/huggingface")).model("org/misplaced").blob("b2", 10);

        MigrationResult result = project.run(project.plan("huggingface", "torch"));

        Path cache = project.root.resolve(".cache");
        assertThat(cache.resolve("huggingface/hub/models--org--legacy-model/blobs/b1")).hasSize(10);
        assertThat(cache.resolve("huggingface/hub/models--org--misplaced/blobs/b2")).hasSize(10);
        assertThat(cache.resolve("huggingface/models--org--misplaced")).doesNotExist();
        assertThat(cache.resolve("torch/hub/checkpoints/resnet.pth")).hasSize(20);
        assertThat(cache.resolve("torch/whisper/tiny.pt")).hasSize(30);
        try (var left = Files.list(legacy)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt", ".gitkeep");
        }
        assertThat(result.hasBlockingEntries()).isFalse();
        // The unrecognised file stays and is reported, which makes the command exit 1.
        MigrationPlan again = project.plan("huggingface", "torch");
        assertThat(again.skipped()).extracting(SkippedLocation::path).containsExactly(legacy.resolve("notes.txt"));
        assertThat(again.hasBlockingEntries()).isTrue();
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static List<String> names(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
