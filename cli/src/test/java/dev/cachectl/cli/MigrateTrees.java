package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.ScratchTrees;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Real trees for the migrate tests of the built distribution: a project, an {@code XDG_CACHE_HOME} (on
 * {@code /dev/shm} for cross-file-system runs) with hub and torch caches, and the helpers that hash every
 * file on both sides.
 */
final class MigrateTrees {

    final Path project;
    final Path xdg;

    MigrateTrees(Path project, Path xdg) throws IOException {
        this.project = project;
        this.xdg = xdg;
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}\n");
        Files.createDirectories(xdg);
    }

    /** A scratch folder on another file system than {@code near}, if the machine has one. */
    static Optional<Path> otherFileSystem(Path near) {
        return ScratchTrees.onOtherFileSystem(near);
    }

    static final String NO_OTHER_FS = ScratchTrees.NO_OTHER_FILE_SYSTEM;

    Path outsideHub() {
        return xdg.resolve("huggingface/hub");
    }

    Path projectHub() {
        return project.resolve(".cache/huggingface/hub");
    }

    Path outsideTorch() {
        return xdg.resolve("torch");
    }

    Path projectTorch() {
        return project.resolve(".cache/torch");
    }

    /** A hub repo with {@code blobs} LFS blobs of random sizes up to {@code maxBlob}, one snapshot, a ref. */
    static void hubRepo(Path hub, String folder, String commit, int blobs, int maxBlob, Random random) {
        Path repo = hub.resolve(folder);
        for (int i = 0; i < blobs; i++) {
            byte[] content = new byte[1 + random.nextInt(maxBlob)];
            random.nextBytes(content);
            String name = sha256(content);
            FixtureFiles.write(repo.resolve("blobs").resolve(name), content);
            FixtureFiles.symlink(repo.resolve("snapshots").resolve(commit).resolve("file" + i + ".bin"),
                    "../../blobs/" + name);
        }
        FixtureFiles.writeText(repo.resolve("refs/main"), commit);
        FixtureFiles.write(hub.resolve(".locks").resolve(folder).resolve("x.lock"), 0);
    }

    /** A sparse file: {@code length} bytes with a little data at {@code dataAt}. */
    static void sparse(Path file, long length, long dataAt) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(length);
            out.seek(dataAt);
            out.write("some data in a sea of holes".getBytes());
        }
    }

    /** Allocated 512-byte blocks ({@code stat -c %b}). */
    static long blocks(Path file) {
        try {
            Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
            String out = new String(stat.getInputStream().readAllBytes()).strip();
            assertThat(stat.waitFor()).isZero();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file and link below {@code dir} (path → SHA-256 or link target), without migrate's lock file. */
    static Map<String, String> contents(Path dir) {
        return ScratchTrees.contents(dir, ".cachectl-migrate/lock");
    }

    static String sha256(byte[] content) {
        return ScratchTrees.sha256(content);
    }

    /** The environment that makes the launched CLI pause {@code millis} before each file-level step (tests only). */
    static Map<String, String> stepDelay(String millis) {
        return Map.of("CACHECTL_JAVA_OPTS", "-D" + MigrateCommand.TEST_DELAY_PROPERTY + "=" + millis);
    }

    /** Starts {@code bin/cachectl} with {@code XDG_CACHE_HOME} set; output goes to files in {@code logs}. */
    Process start(Path logs, Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(DistributionIT.DIST.resolve("bin/cachectl").toString());
        command.addAll(args);
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(logs.resolve("out.txt").toFile()).redirectError(logs.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("CACHECTL_JAVA");
        builder.environment().put("XDG_CACHE_HOME", xdg.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Deletes a scratch tree, never following links. */
    static void delete(Path folder) throws IOException {
        ScratchTrees.delete(folder);
    }
}
