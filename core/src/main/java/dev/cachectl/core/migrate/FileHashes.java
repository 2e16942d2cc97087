package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The checksums a copy is verified with: a CRC-32C of every file (compared between the bytes read from the
 * source and the bytes read back from the copy; it runs at memory speed), and for hub blobs the hash their
 * name promises: SHA-256 for LFS files, the git SHA-1 of {@code blob <length>\0<content>} for the others.
 * Cryptographic hashes are computed only where a name promises one: on the launcher's quick-start JIT they
 * run at tens of MB/s, the CRC at GB/s.
 */
final class FileHashes {

    private static final int BUFFER = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocate(BUFFER).asReadOnlyBuffer();

    /**
     * What was computed.
     *
     * @param crc32c   the CRC-32C of the content
     * @param promised the lowercase hex hash the name promises, or empty when the name promises none
     */
    record Digests(long crc32c, String promised) {
    }

    private final CRC32C crc = new CRC32C();
    private final MessageDigest digest;

    /** Checksums for a file of {@code length} bytes whose name makes {@code promise}. */
    FileHashes(long length, HubLayout.BlobHash promise) {
        try {
            digest = switch (promise) {
                case NONE -> null;
                case SHA256 -> MessageDigest.getInstance("SHA-256");
                case GIT_SHA1 -> MessageDigest.getInstance("SHA-1");
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or SHA-1", e);
        }
        if (promise == HubLayout.BlobHash.GIT_SHA1) {
            digest.update(("blob " + length + "\0").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Adds the bytes between the buffer's position and limit; the position is left unchanged. */
    void update(ByteBuffer data) {
        crc.update(data.duplicate());
        if (digest != null) {
            digest.update(data.duplicate());
        }
    }

    /** Adds {@code count} zero bytes: a hole of a sparse file reads as zeros. */
    void updateZeros(long count) {
        long left = count;
        while (left > 0) {
            int chunk = (int) Math.min(left, BUFFER);
            update(ZEROS.duplicate().limit(chunk));
            left -= chunk;
        }
    }

    /** The results; ends this object's use. */
    Digests finish() {
        return new Digests(crc.getValue(), digest == null ? "" : HexFormat.of().formatHex(digest.digest()));
    }

    /** Reads a whole file, without following a symbolic link. */
    static Digests of(Path file, HubLayout.BlobHash promise) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            FileHashes hashes = new FileHashes(in.size(), promise);
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            while (in.read(buffer.clear()) >= 0) {
                buffer.flip();
                hashes.update(buffer);
            }
            return hashes.finish();
        }
    }
}
