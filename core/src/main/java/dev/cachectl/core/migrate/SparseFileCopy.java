package dev.cachectl.core.migrate;

import dev.cachectl.core.fs.linux.PosixFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Copies one regular file without filling its holes (NIO's {@code Files.copy} would, STACK.md pitfall 8):
 * only the data extents that {@code SEEK_DATA}/{@code SEEK_HOLE} report are written, and the file is then
 * extended to its full length, which leaves the gaps as holes. Where the extents cannot be read, blocks
 * that are all zeros are skipped instead. The content's CRC-32C is computed on the way.
 */
final class SparseFileCopy {

    private static final int BUFFER = 1 << 20;

    /**
     * The copied file's length and digests.
     *
     * @param length bytes
     * @param crc32c the CRC-32C of the bytes read from the source
     */
    record Copied(long length, long crc32c) {
    }

    private SparseFileCopy() {
    }

    /**
     * Copies {@code source} into {@code target}, which must not exist; flushes it to disk when
     * {@code fsync} is set.
     */
    static Copied copy(Path source, Path target, boolean fsync) throws IOException {
        Files.createFile(target);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             RandomAccessFile out = new RandomAccessFile(target.toFile(), "rw")) {
            long length = in.size();
            FileHashes hashes = new FileHashes(length, HubLayout.BlobHash.NONE);
            Optional<List<long[]>> extents = PosixFiles.dataExtents(source, length);
            boolean skipZeroBlocks = extents.isEmpty();
            List<long[]> ranges = extents.orElse(List.of(new long[] {0, length}));
            FileChannel channel = out.getChannel();
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            long position = 0;
            for (long[] range : ranges) {
                hashes.updateZeros(range[0] - position);
                position = range[0];
                while (position < range[1]) {
                    buffer.clear().limit((int) Math.min(BUFFER, range[1] - position));
                    int read = in.read(buffer, position);
                    if (read < 0) {
                        throw new IOException(source + " shrank while it was being copied");
                    }
                    buffer.flip();
                    hashes.update(buffer);
                    if (!(skipZeroBlocks && allZero(buffer))) {
                        while (buffer.hasRemaining()) {
                            channel.write(buffer, position + buffer.position());
                        }
                    }
                    position += read;
                }
            }
            hashes.updateZeros(length - position);
            // Extending with ftruncate leaves the tail (and nothing else) as a hole.
            out.setLength(length);
            if (fsync) {
                channel.force(true);
            }
            return new Copied(length, hashes.finish().crc32c());
        }
    }

    private static boolean allZero(ByteBuffer buffer) {
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
