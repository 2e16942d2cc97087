package dev.cachectl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Scratch trees for tests that move files: a folder on another file system ({@code /dev/shm} is tmpfs on
 * these machines, the temp folder is not), the content of a whole tree for before/after comparisons, and a
 * delete that never follows links.
 */
public final class ScratchTrees {

    /** Why a cross-file-system test is skipped. */
    public static final String NO_OTHER_FILE_SYSTEM = "/dev/shm is missing or on the same file system as the"
            + " temp folder: cross-file-system test skipped";

    private ScratchTrees() {
    }

    /** A fresh folder on another file system than {@code near}, if this machine has one. */
    public static Optional<Path> onOtherFileSystem(Path near) {
        Path shm = Path.of("/dev/shm");
        try {
            if (!Files.isDirectory(shm) || !Files.isWritable(shm)
                    || Files.getFileStore(shm).equals(Files.getFileStore(near))) {
                return Optional.empty();
            }
            return Optional.of(Files.createDirectory(shm.resolve("cachectl-test-" + UUID.randomUUID())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Every file and link below {@code dir}: relative path → SHA-256 of a file, {@code -> target} of a link.
     * Empty when {@code dir} is missing. Paths starting with {@code skipPrefix} are left out (null: none).
     */
    public static Map<String, String> contents(Path dir, String skipPrefix) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String rel = dir.relativize(p).toString();
                if (skipPrefix != null && rel.startsWith(skipPrefix)) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    entries.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(rel, sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The lowercase hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Deletes a tree, never following links; nothing when it is missing. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
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
