package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * A scratch folder on a different file system than the temp folder ({@code /dev/shm} is tmpfs on these
 * machines, the temp folder is not), for cross-file-system migrations. Tests skip, saying why, where there
 * is none.
 */
final class OtherFileSystem {

    private OtherFileSystem() {
    }

    /** A fresh folder on another file system than {@code near}, if this machine has one. */
    static Optional<Path> scratch(Path near) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm) || !Files.isWritable(shm)
                || Files.getFileStore(shm).equals(Files.getFileStore(near))) {
            return Optional.empty();
        }
        return Optional.of(Files.createDirectory(shm.resolve("cachectl-test-" + UUID.randomUUID())));
    }

    static final String SKIP = "/dev/shm is missing or on the same file system as the temp folder: no cross-file-system test";

    /** Deletes a scratch folder, never following links. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
