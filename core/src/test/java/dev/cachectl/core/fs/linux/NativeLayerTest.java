package dev.cachectl.core.fs.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLayerTest {

    @Test
    void closingAScratchTwiceReturnsItToThePoolOnce() {
        Scratch first = Scratch.borrow();
        int before = Scratch.pooled();
        first.close();
        first.close();
        assertThat(Scratch.pooled()).isEqualTo(before + 1);
        // Two borrowers now must never get the same buffers.
        Map<Scratch, Boolean> seen = new IdentityHashMap<>();
        try (Scratch a = Scratch.borrow(); Scratch b = Scratch.borrow()) {
            seen.put(a, true);
            seen.put(b, true);
            assertThat(seen).hasSize(2);
        }
    }

    @Test
    void aReBorrowedScratchIsNotReturnedByItsFormerHoldersSecondClose() {
        Scratch held = Scratch.borrow();
        held.close();
        Scratch again = Scratch.borrow();
        int before = Scratch.pooled();
        again.close();
        again.close();
        assertThat(Scratch.pooled()).isEqualTo(before + 1);
    }

    @Test
    void theBindingsAreAvailableOnLinuxWithNativeAccess() {
        assumeTrue(System.getProperty("os.name").equals("Linux"));
        assertThat(Libc.UNAVAILABLE_REASON).isEmpty();
        assertThat(PosixFiles.available()).isTrue();
    }

    @Test
    void renameNeverReplaces(@TempDir Path dir) throws Exception {
        assumeTrue(Libc.AVAILABLE);
        Path from = Files.writeString(dir.resolve("from"), "new");
        Path to = Files.writeString(dir.resolve("to"), "old");
        assertThat(PosixFiles.renameNoReplace(from, to)).isIn(PosixFiles.RenameResult.TARGET_EXISTS,
                PosixFiles.RenameResult.UNSUPPORTED);
        assertThat(Files.readString(to)).isEqualTo("old");
        Files.delete(to);
        assertThat(PosixFiles.renameNoReplace(from, to)).isIn(PosixFiles.RenameResult.DONE,
                PosixFiles.RenameResult.UNSUPPORTED);
    }

    @Test
    void sparseFilesHaveExtents(@TempDir Path dir) throws Exception {
        assumeTrue(Libc.AVAILABLE);
        Path file = dir.resolve("sparse");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 8L << 20);
        }
        assertThat(PosixFiles.dataExtents(file, Files.size(file))).hasValueSatisfying(extents ->
                assertThat(extents).isNotEmpty().allSatisfy(e -> assertThat(e[1]).isGreaterThan(e[0])));
        assertThat(PosixFiles.syncFileSystem(dir)).isTrue();
    }

    @Test
    void aSignalToNoProcessReportsFailure() {
        assertThat(Signals.send(0, Signals.SIGINT)).isFalse();
        assertThat(Signals.send(Long.MAX_VALUE, Signals.SIGINT)).isFalse();
    }

    @Test
    void statxGivesTheDeviceAndInodeNioGives(@TempDir Path dir) throws Exception {
        assumeTrue(Libc.AVAILABLE);
        try (Scratch s = Scratch.borrow()) {
            assertThat(Libc.statx(s, Libc.AT_FDCWD, s.path(dir.toString()), Libc.AT_SYMLINK_NOFOLLOW, Statx.MASK,
                    s.statAddress())).isZero();
            long[] w = s.statWords();
            var nio = Files.readAttributes(dir, "unix:dev,ino,fileKey", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            assertThat(Statx.dev(w)).isEqualTo((Long) nio.get("dev"));
            assertThat(Statx.ino(w)).isEqualTo((Long) nio.get("ino"));
            assertThat(dev.cachectl.core.fs.internal.FileIdentity.ofKey(nio.get("fileKey")))
                    .isEqualTo(new dev.cachectl.core.fs.internal.FileIdentity(Statx.dev(w), Statx.ino(w)));
        }
    }
}
