package dev.cachectl.core.scan;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Builds real trees with every kind of entry the engine must handle. */
public final class TreeFixtures {

    private TreeFixtures() {
    }

    /**
     * A tree with nested and empty directories, files of awkward sizes, many small files, hard links within a
     * directory and across directories, symlinks (to a file inside, to a directory inside, dangling, to
     * {@code outside}), a sparse file, a socket, a 40-deep chain and names with spaces and non-ASCII letters.
     * {@code outside} (created when missing, beside the tree) holds 1 MiB that must never be counted or deleted.
     */
    public static void rich(Path root, Path outside) throws IOException {
        Random random = new Random(42);
        Files.createDirectories(root);
        Files.createDirectories(outside);
        Files.write(outside.resolve("precious.bin"), bytes(random, 1 << 20));
        Path a = Files.createDirectories(root.resolve("a"));
        Path c = Files.createDirectories(root.resolve("c/d/e"));
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(a.resolve("empty too"));
        for (int size : new int[] {0, 1, 511, 4095, 4096, 4097, 65_537}) {
            Files.write(a.resolve("size-" + size), bytes(random, size));
        }
        Path big = Files.write(a.resolve("big"), bytes(random, 200_000));
        Files.createLink(a.resolve("big-link"), big);
        Files.createLink(c.resolve("big-link-elsewhere"), big);
        Files.createLink(root.resolve("outside-linked"), Files.write(outside.resolve("linked.bin"), bytes(random, 30_000)));
        Path many = Files.createDirectories(root.resolve("many"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(many.resolve("f" + i + ".json"), "{\"n\":" + i + "}");
        }
        Files.createSymbolicLink(root.resolve("link-to-file"), Path.of("a/big"));
        Files.createSymbolicLink(root.resolve("link-to-dir"), Path.of("a"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("no/such/target"));
        Files.createSymbolicLink(root.resolve("link-outside"), outside.toAbsolutePath());
        Files.createSymbolicLink(c.resolve("long-link"), Path.of("x".repeat(200)));
        try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("sparse.img").toFile(), "rw")) {
            sparse.setLength(50L << 20);
            sparse.seek(20L << 20);
            sparse.write(bytes(random, 10_000));
        }
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(root.resolve("socket")));
        }
        Path deep = root.resolve("deep");
        for (int i = 0; i < 40; i++) {
            deep = deep.resolve("level" + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("bottom.txt"), "bottom");
        Files.writeString(root.resolve("name with spaces.txt"), "spaces");
        Files.writeString(root.resolve("ünïcødé-名前.txt"), "unicode", StandardCharsets.UTF_8);
    }

    /**
     * Builds {@code depth} nested directories {@code d} below {@code root} (a multiple of 500) with
     * {@code bottom.txt} at the bottom. Absolute paths that deep exceed PATH_MAX, so the chain is built from
     * 500-level pieces, each moved into the bottom of the next while its paths are still short.
     */
    public static void deepChain(Path root, int depth) throws IOException {
        int piece = 500;
        String pieceSteps = "d/".repeat(piece - 2) + "d";
        Path chain = Files.createDirectories(root.resolve("piece-0").resolve(pieceSteps));
        Files.writeString(chain.resolve("bottom.txt"), "bottom");
        Path built = root.resolve("piece-0");
        for (int i = 1; i < depth / piece; i++) {
            Path next = root.resolve("piece-" + i);
            Path bottom = Files.createDirectories(next.resolve(pieceSteps));
            Files.move(built, bottom.resolve("d"));
            built = next;
        }
        Files.move(built, root.resolve("d"));
    }

    /** Runs a POSIX shell script with {@code $1} set to {@code dir}. */
    public static void sh(String script, Path dir) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script, "sh", dir.toString()).inheritIO().start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("script failed: " + script);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] bytes(Random random, int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }
}
