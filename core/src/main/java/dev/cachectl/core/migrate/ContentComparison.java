package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Whether two entries hold the same content, byte for byte, without following symbolic links. */
final class ContentComparison {

    private static final int BUFFER = 1 << 20;

    private ContentComparison() {
    }

    /**
     * True when both are regular files with equal bytes (or the same file), or both are symbolic links with
     * the same target text. Paths deeper than {@code PATH_MAX} are read through their open parent folders.
     */
    static boolean same(Path a, Path b) throws IOException {
        return OpenFolder.at(a, shortA -> OpenFolder.at(b, shortB -> sameAt(shortA, shortB)));
    }

    private static boolean sameAt(Path a, Path b) throws IOException {
        BasicFileAttributes attrsA = Files.readAttributes(a, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes attrsB = Files.readAttributes(b, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrsA.isSymbolicLink() && attrsB.isSymbolicLink()) {
            return Files.readSymbolicLink(a).equals(Files.readSymbolicLink(b));
        }
        if (!attrsA.isRegularFile() || !attrsB.isRegularFile() || attrsA.size() != attrsB.size()) {
            return false;
        }
        if (attrsA.fileKey() != null && attrsA.fileKey().equals(attrsB.fileKey())) {
            return true;
        }
        try (FileChannel inA = FileChannel.open(a, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             FileChannel inB = FileChannel.open(b, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bufA = ByteBuffer.allocate(BUFFER);
            ByteBuffer bufB = ByteBuffer.allocate(BUFFER);
            while (true) {
                bufA.clear();
                bufB.clear();
                int readA = readFully(inA, bufA);
                int readB = readFully(inB, bufB);
                if (readA != readB) {
                    return false;
                }
                if (readA <= 0) {
                    return true;
                }
                bufA.flip();
                bufB.flip();
                if (bufA.mismatch(bufB) >= 0) {
                    return false;
                }
            }
        }
    }

    private static int readFully(FileChannel in, ByteBuffer buffer) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int read = in.read(buffer);
            if (read < 0) {
                return total == 0 ? -1 : total;
            }
            total += read;
        }
        return total;
    }
}
