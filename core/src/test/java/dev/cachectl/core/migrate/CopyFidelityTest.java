package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.ScratchTrees;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy across file systems keeps what a rename would: hard links, holes of sparse files, modification
 * times, permissions, and symbolic links as links (relative, and never followed out of the source).
 */
class CopyFidelityTest {

    @TempDir
    Path temp;

    private Path scratch;
    private MigrationTestProject project;
    private Path torch;

    @BeforeEach
    void crossFileSystemProject() throws Exception {
        Optional<Path> other = ScratchTrees.onOtherFileSystem(temp);
        assumeTrue(other.isPresent(), ScratchTrees.NO_OTHER_FILE_SYSTEM);
        scratch = other.get();
        project = new MigrationTestProject(temp.resolve("project"), temp.resolve("home"), scratch.resolve(".cache"));
        torch = scratch.resolve(".cache/torch");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (scratch != null) {
            ScratchTrees.delete(scratch);
        }
    }

    /** Allocated 512-byte blocks, as {@code stat -c %b} reports them (NIO has no st_blocks). */
    static long blocks(Path file) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes()).strip();
        assertThat(stat.waitFor()).isZero();
        return Long.parseLong(out);
    }

    @Test
    void hardLinksStayLinkedAcrossEntriesAndSparseFilesKeepTheirHoles() throws Exception {
        Path a = FixtureFiles.write(torch.resolve("hub/checkpoints/resnet.pth"), 70_000);
        Path b = torch.resolve("whisper/resnet-alias.pth");
        Files.createDirectories(b.getParent());
        Files.createLink(b, a);
        Path sparse = torch.resolve("hub/checkpoints/sparse.bin");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(64L << 20);
            file.seek(5L << 20);
            file.write("data in the middle".getBytes());
        }
        FileTime old = FileTime.from(Instant.parse("2021-03-04T05:06:07Z"));
        Files.setLastModifiedTime(a, old);
        Files.setPosixFilePermissions(sparse, PosixFilePermissions.fromString("rw-------"));
        long sourceBlocks = blocks(sparse);
        String sparseHash = FileHashes.of(sparse, HubLayout.BlobHash.SHA256).promised();

        MigrationResult result = project.run(project.plan("torch"));

        assertThat(result.hasBlockingEntries()).as("%s", result.items()).isFalse();
        Path dest = project.root.resolve(".cache/torch");
        Path copiedA = dest.resolve("hub/checkpoints/resnet.pth");
        Path copiedB = dest.resolve("whisper/resnet-alias.pth");
        assertThat(Files.isSameFile(copiedA, copiedB)).as("hard links stay linked").isTrue();
        assertThat(Files.getAttribute(copiedA, "unix:nlink")).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(copiedA)).isEqualTo(old);
        Path copiedSparse = dest.resolve("hub/checkpoints/sparse.bin");
        assertThat(Files.size(copiedSparse)).isEqualTo(64L << 20);
        assertThat(FileHashes.of(copiedSparse, HubLayout.BlobHash.SHA256).promised()).isEqualTo(sparseHash);
        assertThat(blocks(copiedSparse)).as("holes are not filled").isLessThanOrEqualTo(Math.max(sourceBlocks, 64));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copiedSparse))).isEqualTo("rw-------");
        assertThat(torch).doesNotExist();
    }

    @Test
    void symbolicLinksAreCopiedAsLinksAndNeverFollowed() throws Exception {
        Path outside = FixtureFiles.write(temp.resolve("elsewhere/precious.bin"), 1234);
        Path link = torch.resolve("hub/checkpoints/link-out.pth");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, outside);
        Files.createSymbolicLink(torch.resolve("hub/checkpoints/relative.pth"), Path.of("../other/real.pth"));
        FixtureFiles.write(torch.resolve("hub/other/real.pth"), 10);

        MigrationResult result = project.run(project.plan("torch"));

        assertThat(result.hasBlockingEntries()).isFalse();
        Path dest = project.root.resolve(".cache/torch/hub");
        assertThat(Files.readSymbolicLink(dest.resolve("checkpoints/link-out.pth"))).isEqualTo(outside);
        assertThat(Files.readSymbolicLink(dest.resolve("checkpoints/relative.pth"))).hasToString("../other/real.pth");
        assertThat(Files.readAllBytes(dest.resolve("checkpoints/relative.pth"))).hasSize(10);
        assertThat(outside).hasSize(1234);
        assertThat(Files.isSymbolicLink(dest.resolve("checkpoints/link-out.pth"))).isTrue();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aCorruptHubBlobIsNotPublishedAndStaysInTheSource() throws Exception {
        Path hub = project.outsideHub();
        String name = FixtureFiles.sha256("the content it should have");
        Path blob = FixtureFiles.write(hub.resolve("models--org--m/blobs").resolve(name), 5000);
        FixtureFiles.symlink(hub.resolve("models--org--m/snapshots/abc/model.bin"), "../../blobs/" + name);

        MigrationResult result = project.run(project.plan("huggingface"));

        assertThat(result.hasBlockingEntries()).isTrue();
        ItemResult failed = result.items().stream().filter(r -> r.outcome() == ItemOutcome.FAILED).findFirst()
                .orElseThrow();
        assertThat(failed.message()).contains("corrupt").contains("not the blob's name");
        assertThat(blob).hasSize(5000);
        assertThat(project.hfHub().resolve("models--org--m")).doesNotExist();
        MigrationTestProject.assertNoWorkFolderLeft(project.root.resolve(".cache/huggingface"));
    }
}
