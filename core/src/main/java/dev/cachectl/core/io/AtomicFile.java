package dev.cachectl.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a file's content all at once: a reader (or a crash) sees the old file or the new one, never half.
 * The bytes go to a new file beside the target (same folder, so same file system), are flushed to disk, and
 * the new file is renamed over the target with {@code ATOMIC_MOVE}; the folder is flushed too where the
 * platform allows it. A symbolic link as target is followed, so the file it points to is replaced and the
 * link stays. An existing file's POSIX permissions are kept; a new file gets the process umask's defaults.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target} atomically, creating its folder when missing. */
    public static void write(Path target, byte[] content) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temporary = createSibling(file);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            copyPermissions(file, temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically on this file system: "
                        + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        flushFolder(folder);
    }

    private static Path createSibling(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            Path candidate = file.resolveSibling("." + file.getFileName() + "." + HexFormat.of().formatHex(random)
                    + ".tmp");
            try {
                // CREATE_NEW with no explicit attributes: the umask decides, like any new file the user makes.
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }

    /** Makes the rename durable: fsync of the folder works on Linux and macOS, and is refused on Windows. */
    private static void flushFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported here (Windows): the rename itself is still atomic, only its durability waits.
        }
    }

    /** The permissions text of a file, for tests and messages; empty where POSIX permissions do not exist. */
    static String permissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view == null ? "" : PosixFilePermissions.toString(view.readAttributes().permissions());
    }
}
