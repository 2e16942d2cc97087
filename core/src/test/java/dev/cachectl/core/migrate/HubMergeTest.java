package dev.cachectl.core.migrate;

import static dev.cachectl.core.migrate.MigrationTestProject.item;
import static dev.cachectl.core.migrate.MigrationTestProject.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.ScratchTrees;
import dev.cachectl.testkit.HubCacheFixture;
import dev.cachectl.testkit.HubRepoFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging an outside hub cache into the project's hub cache that already holds the same repo: a shared
 * blob, a new blob, a new revision, a ref that differs, a ref only the source has, {@code .no_exist}
 * markers, lock files; on the same file system (renames and links) and across file systems (copies).
 */
class HubMergeTest {

    @TempDir
    Path temp;

    private Path scratch;

    @AfterEach
    void cleanUp() throws Exception {
        if (scratch != null) {
            ScratchTrees.delete(scratch);
        }
    }

    private MigrationTestProject project(boolean crossFileSystem) throws Exception {
        Path xdg = temp.resolve("home/.cache");
        if (crossFileSystem) {
            Optional<Path> other = ScratchTrees.onOtherFileSystem(temp);
            assumeTrue(other.isPresent(), ScratchTrees.NO_OTHER_FILE_SYSTEM);
            scratch = other.get();
            xdg = scratch.resolve(".cache");
        }
        return new MigrationTestProject(temp.resolve("project"), temp.resolve("home"), xdg);
    }

    /** Blob content whose name is its git object id, as for a small hub file. */
    static String gitBlob(HubRepoFixture repo, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        FileHashes hashes = new FileHashes(bytes.length, HubLayout.BlobHash.GIT_SHA1);
        hashes.update(java.nio.ByteBuffer.wrap(bytes));
        String name = hashes.finish().promised();
        FixtureFiles.write(repo.path().resolve("blobs").resolve(name), bytes);
        return name;
    }

    /** Blob content whose name is its SHA-256, as for an LFS file. */
    static String lfsBlob(HubRepoFixture repo, int size) throws Exception {
        Path file = FixtureFiles.write(repo.path().resolve("blobs/tmp"), size);
        String name = FileHashes.of(file, HubLayout.BlobHash.SHA256).promised();
        Files.move(file, file.resolveSibling(name));
        return name;
    }

    @ParameterizedTest(name = "across file systems: {0}")
    @ValueSource(booleans = {false, true})
    void mergesBlobsSnapshotsAndRefsAndKeepsTheDestinationsRef(boolean crossFileSystem) throws Exception {
        MigrationTestProject project = project(crossFileSystem);
        String c1 = FixtureFiles.sha1("commit-1");
        String c2 = FixtureFiles.sha1("commit-2");
        HubCacheFixture dest = HubCacheFixture.at(project.hfHub()).cacheDirTag();
        HubRepoFixture destRepo = dest.model("openai/whisper-tiny");
        String config = gitBlob(destRepo, "{\"model\": \"tiny\"}");
        destRepo.link(c1, "config.json", config).ref("main", c1);

        HubCacheFixture src = HubCacheFixture.at(project.outsideHub()).cacheDirTag();
        HubRepoFixture srcRepo = src.model("openai/whisper-tiny");
        gitBlob(srcRepo, "{\"model\": \"tiny\"}");
        String weights = lfsBlob(srcRepo, 300_000);
        srcRepo.link(c2, "config.json", config).link(c2, "model.safetensors", weights).ref("main", c2)
                .ref("pr/1", c2).noExist(c2, "tokenizer.json");
        src.lock(srcRepo, weights);
        HubRepoFixture other = src.model("facebook/nllb-200");
        String nllb = lfsBlob(other, 50_000);
        other.link(c1, "model.bin", nllb).ref("main", c1);
        Map<String, String> before = snapshot(project.outsideHub());

        MigrationPlan plan = project.plan("huggingface");
        PlanAction transfer = crossFileSystem ? PlanAction.COPY : PlanAction.MOVE;
        String repo = "models--openai--whisper-tiny";
        assertThat(item(plan, "CACHEDIR.TAG").action()).isEqualTo(PlanAction.DUPLICATE);
        assertThat(item(plan, repo + "/blobs/" + config).action()).isEqualTo(PlanAction.DUPLICATE);
        assertThat(item(plan, repo + "/blobs/" + weights).action()).isEqualTo(transfer);
        assertThat(item(plan, repo + "/snapshots/" + c2).action()).isEqualTo(transfer);
        assertThat(item(plan, repo + "/.no_exist").action()).isEqualTo(transfer);
        assertThat(item(plan, repo + "/refs/pr").action()).isEqualTo(transfer);
        PlanItem main = item(plan, repo + "/refs/main");
        assertThat(main.action()).isEqualTo(PlanAction.CONFLICT);
        assertThat(main.reason()).contains(c1).contains(c2).contains("destination's is kept");
        assertThat(item(plan, "models--facebook--nllb-200").action()).isEqualTo(transfer);
        // The repo keeps a conflict here, so its lock file stays with it.
        assertThat(item(plan, ".locks/" + repo + "/" + weights + ".lock").action()).isEqualTo(PlanAction.KEPT);
        assertThat(plan.sources().getFirst().sameFileSystem()).isEqualTo(!crossFileSystem);

        MigrationResult result = project.run(plan);

        assertThat(result.hasBlockingEntries()).isTrue();
        Path merged = project.hfHub().resolve(repo);
        assertThat(Files.readString(merged.resolve("refs/main"))).isEqualTo(c1);
        assertThat(Files.readString(merged.resolve("refs/pr/1"))).isEqualTo(c2);
        assertThat(merged.resolve("snapshots").resolve(c2).resolve("model.safetensors").toRealPath())
                .isEqualTo(merged.resolve("blobs").resolve(weights).toRealPath());
        assertThat(Files.readSymbolicLink(merged.resolve("snapshots").resolve(c2).resolve("model.safetensors")))
                .hasToString("../../blobs/" + weights);
        assertThat(merged.resolve(".no_exist").resolve(c2).resolve("tokenizer.json")).exists();
        assertThat(project.hfHub().resolve(".locks")).doesNotExist();
        // Only the conflicting ref and its repo's lock stay in the source.
        assertThat(snapshot(project.outsideHub())).containsOnlyKeys(repo + "/refs/main",
                ".locks/" + repo + "/" + weights + ".lock");
        // Nothing lost: every source file is in the destination with the same content, except the kept ref.
        Map<String, String> after = snapshot(project.hfHub());
        before.forEach((path, content) -> {
            if (!path.equals(repo + "/refs/main") && !path.startsWith(".locks/")) {
                assertThat(after).containsEntry(path, content);
            }
        });
        MigrationTestProject.assertNoWorkFolderLeft(project.root.resolve(".cache/huggingface"));
    }

    @ParameterizedTest(name = "across file systems: {0}")
    @ValueSource(booleans = {false, true})
    void aWholeNewCacheMovesAndTheEmptiedSourceIsRemoved(boolean crossFileSystem) throws Exception {
        MigrationTestProject project = project(crossFileSystem);
        HubCacheFixture src = HubCacheFixture.at(project.outsideHub()).cacheDirTag();
        HubRepoFixture repo = src.model("openai/whisper-small");
        String weights = lfsBlob(repo, 200_000);
        repo.link(FixtureFiles.sha1("c"), "model.bin", weights).ref("main", FixtureFiles.sha1("c"));
        src.lock(repo, weights);
        Map<String, String> before = snapshot(project.outsideHub());

        MigrationResult result = project.run(project.plan("huggingface"));

        assertThat(result.hasBlockingEntries()).as("%s", result).isFalse();
        assertThat(project.outsideHub()).doesNotExist();
        assertThat(project.xdg.resolve("huggingface")).isDirectory();
        Map<String, String> after = snapshot(project.hfHub());
        before.keySet().removeIf(p -> p.startsWith(".locks/"));
        assertThat(after).isEqualTo(before);
    }
}
