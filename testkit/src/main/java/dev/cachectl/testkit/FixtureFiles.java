package dev.cachectl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic file contents and hub-style hashes for fixtures. */
public final class FixtureFiles {

    private FixtureFiles() {
    }

    /**
     * Writes {@code size} bytes derived from {@code path}'s name (not zeros, so no file system stores it
     * sparse or compressed away), creating parent directories.
     */
    public static Path write(Path path, long size) {
        byte[] seed = path.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[Math.toIntExact(size)];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (seed[i % seed.length] + i / seed.length + 1);
        }
        return write(path, content);
    }

    /** Writes the bytes, creating parent directories. */
    public static Path write(Path path, byte[] content) {
        try {
            Files.createDirectories(path.getParent());
            return Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes UTF-8 text exactly as given (no trailing newline added). */
    public static Path writeText(Path path, String text) {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a symbolic link holding {@code target} exactly, creating parent directories. */
    public static Path symlink(Path link, String target) {
        try {
            Files.createDirectories(link.getParent());
            return Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a directory and its parents. */
    public static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A git-style sha1 (40 hex digits) of {@code seed}: what the hub uses for commits and small files. */
    public static String sha1(String seed) {
        return digest("SHA-1", seed);
    }

    /** A sha256 (64 hex digits) of {@code seed}: what the hub uses as the etag of LFS files. */
    public static String sha256(String seed) {
        return digest("SHA-256", seed);
    }

    private static String digest(String algorithm, String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is always available", e);
        }
    }
}
