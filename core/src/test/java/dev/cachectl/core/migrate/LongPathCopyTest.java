package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.testkit.DeepTrees;
import dev.cachectl.testkit.ScratchTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy path (across file systems, and with {@code --copy}) carries trees whose full paths are longer
 * than {@code PATH_MAX}: the copier, the verification and the staging clean-up work through open folders.
 */
class LongPathCopyTest {

    private static final int LEVELS = 20;
    private static final int NAME = 230;

    @TempDir
    Path temp;

    private Path scratch;

    @AfterEach
    void cleanUp() {
        // JUnit's own clean-up walks full paths and cannot remove these trees.
        DeepTrees.delete(temp.resolve("project"));
        DeepTrees.delete(temp.resolve("home"));
        if (scratch != null) {
            DeepTrees.delete(scratch);
        }
    }

    @Test
    void acrossFileSystemsATreeDeeperThanPathMaxArrivesIntact() throws Exception {
        Optional<Path> other = ScratchTrees.onOtherFileSystem(temp);
        assumeTrue(other.isPresent(), ScratchTrees.NO_OTHER_FILE_SYSTEM);
        scratch = other.get();
        MigrationTestProject project = new MigrationTestProject(temp.resolve("project"), temp.resolve("home"),
                scratch.resolve(".cache"));
        Path torch = scratch.resolve(".cache/torch");
        String deep = build(torch);
        Map<String, String> before = DeepTrees.contents(torch);

        MigrationPlan plan = project.plan("torch");
        assertThat(plan.sources()).singleElement().satisfies(s -> assertThat(s.sameFileSystem()).isFalse());
        MigrationResult result = project.run(plan);

        assertThat(result.hasBlockingEntries()).as("%s", result.items()).isFalse();
        Path dest = project.root.resolve(".cache/torch");
        assertThat(withoutWorkArea(dest)).isEqualTo(before);
        assertThat(DeepTrees.sameInode(dest, deep + "/deep.bin", deep + "/deep-alias.bin"))
                .as("hard links stay linked, however deep").isTrue();
        assertThat(torch).doesNotExist();
        assertThat(DeepTrees.contents(dest.resolve(".cachectl-migrate"))).as("staging is gone").containsOnlyKeys("lock");
    }

    @Test
    void withCopyOnOneFileSystemTheCopyPathCarriesTheDeepTreeAndKeepsTheSource() throws Exception {
        MigrationTestProject project = new MigrationTestProject(temp.resolve("project"), temp.resolve("home"),
                temp.resolve("home/.cache"));
        Path torch = temp.resolve("home/.cache/torch");
        build(torch);
        Map<String, String> before = DeepTrees.contents(torch);

        MigrationResult result = project.run(project.plan(true, false, "torch"));

        assertThat(result.hasBlockingEntries()).as("%s", result.items()).isFalse();
        assertThat(result.items()).allSatisfy(i -> assertThat(i.item().action()).isEqualTo(PlanAction.COPY));
        assertThat(withoutWorkArea(project.root.resolve(".cache/torch"))).isEqualTo(before);
        assertThat(DeepTrees.contents(torch)).as("--copy keeps the source").isEqualTo(before);
    }

    @Test
    void whenTheDestinationHoldsTheDeepTreeAlreadyTheSourceIsMergedAsDuplicatesAndRemoved() throws Exception {
        // As after a run killed between publishing the copy and removing the source.
        MigrationTestProject project = new MigrationTestProject(temp.resolve("project"), temp.resolve("home"),
                temp.resolve("home/.cache"));
        Path torch = temp.resolve("home/.cache/torch");
        Path dest = project.root.resolve(".cache/torch");
        build(torch);
        build(dest);
        Map<String, String> before = DeepTrees.contents(dest);

        MigrationPlan plan = project.plan("torch");
        assertThat(plan.sources()).singleElement().satisfies(s -> assertThat(s.items())
                .extracting(PlanItem::action).containsOnly(PlanAction.DUPLICATE));
        MigrationResult result = project.run(plan);

        assertThat(result.hasBlockingEntries()).as("%s", result.items()).isFalse();
        assertThat(withoutWorkArea(dest)).isEqualTo(before);
        assertThat(torch).doesNotExist();
    }

    @Test
    void aDeepTreePartlyInTheDestinationIsCompletedByRenameOrByCopy() throws Exception {
        Optional<Path> other = ScratchTrees.onOtherFileSystem(temp);
        for (Path base : other.isPresent() ? java.util.List.of(temp.resolve("home"), other.get())
                : java.util.List.of(temp.resolve("home"))) {
            scratch = other.orElse(null);
            MigrationTestProject project = new MigrationTestProject(temp.resolve("project"), temp.resolve("home"),
                    base.resolve(".cache"));
            Path torch = base.resolve(".cache/torch");
            Path dest = project.root.resolve(".cache/torch");
            String deep = build(torch);
            build(dest);
            DeepTrees.write(torch, deep, "only-here.txt", "new");
            Map<String, String> expected = DeepTrees.contents(torch);

            MigrationResult result = project.run(project.plan("torch"));

            assertThat(result.hasBlockingEntries()).as("%s", result.items()).isFalse();
            assertThat(result.items()).extracting(i -> i.item().action()).contains(base.equals(temp.resolve("home"))
                    ? PlanAction.MOVE : PlanAction.COPY);
            assertThat(withoutWorkArea(dest)).isEqualTo(expected);
            assertThat(torch).doesNotExist();
            DeepTrees.delete(project.root);
        }
    }

    private static Map<String, String> withoutWorkArea(Path cache) {
        Map<String, String> contents = DeepTrees.contents(cache);
        contents.keySet().removeIf(p -> p.startsWith(DestinationWorkArea.FOLDER));
        return contents;
    }

    private static String build(Path torch) throws Exception {
        Path checkpoints = Files.createDirectories(torch.resolve("hub/checkpoints"));
        String deep = "hub/checkpoints/" + DeepTrees.build(checkpoints, LEVELS, NAME);
        assertThat(torch.resolve(deep).toString().length()).as("deeper than PATH_MAX").isGreaterThan(4096);
        return deep;
    }
}
