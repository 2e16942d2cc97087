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

/**
 * The digests a copy is verified with: SHA-256 of the content, and for hub blobs named by their git object
 * id, the git SHA-1 of {@code blob <length>\0<content>}.
 */
final class FileHashes {

    private static final int BUFFER = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocate(BUFFER).asReadOnlyBuffer();

    private final MessageDigest sha256;
    private final MessageDigest gitSha1;

    /** Digests for a file of {@code length} bytes; the git SHA-1 only when asked. */
    FileHashes(long length, boolean withGitSha1) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            gitSha1 = withGitSha1 ? MessageDigest.getInstance("SHA-1") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or SHA-1", e);
        }
        if (gitSha1 != null) {
            gitSha1.update(("blob " + length + "\0").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Adds the bytes between the buffer's position and limit; the position is left unchanged. */
    void update(ByteBuffer data) {
        ByteBuffer view = data.duplicate();
        sha256.update(view);
        if (gitSha1 != null) {
            gitSha1.update(data.duplicate());
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

    /** The SHA-256 in lowercase hex; ends this object's use. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The git SHA-1 in lowercase hex, or empty when not computed; ends this object's use. */
    String gitSha1Hex() {
        return gitSha1 == null ? "" : HexFormat.of().formatHex(gitSha1.digest());
    }

    /**
     * Reads a whole file and returns {@code [sha256, gitSha1]} (the second empty unless asked), without
     * following a symbolic link.
     */
    static String[] of(Path file, boolean withGitSha1) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            FileHashes hashes = new FileHashes(in.size(), withGitSha1);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (in.read(buffer.clear()) >= 0) {
                buffer.flip();
                hashes.update(buffer);
            }
            return new String[] {hashes.sha256Hex(), hashes.gitSha1Hex()};
        }
    }
}
