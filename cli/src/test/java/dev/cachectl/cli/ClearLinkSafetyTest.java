package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clear} when a folder above a cache is a symbolic link: meant (the cache lives on another disk: it is
 * cleared there, and every output names the real directory) or swapped in behind cachectl's back after the plan
 * (at the prompt, or by a process racing the deletion: nothing outside is ever deleted).
 */
class ClearLinkSafetyTest {

    private static final int OUTSIDE_FILES = 10;

    @TempDir
    Path project;

    @TempDir
    Path outside;

    CliHarness cli;

    @BeforeEach
    void seed() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        cli = new CliHarness(project, project.resolve("home"));
        for (String cache : new String[] {"torch", "huggingface", "mlx"}) {
            Path dir = Files.createDirectories(outside.resolve("data").resolve(cache));
            for (int i = 0; i < OUTSIDE_FILES; i++) {
                Files.writeString(dir.resolve("precious-" + i), "keep " + i);
            }
        }
    }

    @Test
    void aDeliberatelyLinkedCacheFolderIsClearedWhereItReallyIsAndEveryOutputSaysWhere() throws IOException {
        Path data = outside.resolve("data").toRealPath();
        Files.createSymbolicLink(project.resolve(".cache"), data);

        CliHarness.Result status = cli.run("status", "torch");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains(".cache/torch -> " + data.resolve("torch"));
        CliHarness.Result statusJson = cli.run("status", "torch", "--json");
        assertThat(statusJson.out()).contains("\"real_path\" : \"" + data.resolve("torch") + "\"");
        CliHarness.Result doctor = cli.run("doctor", "--json");
        assertThat(doctor.out()).contains("DOCTOR_CACHE_LINKED").contains(data.resolve("torch").toString());

        CliHarness.Result prompt = cli.interactive(true).stdin("n\n").run("clear", "torch");
        assertThat(prompt.err()).contains(project.resolve(".cache/torch") + " -> " + data.resolve("torch"));
        assertThat(countFiles(data.resolve("torch"))).isEqualTo(OUTSIDE_FILES);

        CliHarness.Result cleared = cli.interactive(false).run("clear", "torch", "--yes", "--json");
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(cleared.out()).contains("\"real_path\" : \"" + data.resolve("torch") + "\"");
        assertThat(data.resolve("torch")).isEmptyDirectory();
        assertThat(countFiles(data.resolve("huggingface"))).isEqualTo(OUTSIDE_FILES);
    }

    @Test
    void aParentSwappedForALinkAtThePromptStopsThatCacheAndDeletesNothingOutside() throws IOException {
        Path inProject = Files.createDirectories(project.resolve(".cache/torch"));
        Files.writeString(inProject.resolve("model.pth"), "weights");
        cli.interactive(true).stdin(() -> actingOnRead(this::swapCacheForLink, "y\n"));

        CliHarness.Result result = cli.run("clear", "models");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("now leads to another directory").contains("nothing was deleted there");
        for (String cache : new String[] {"torch", "huggingface", "mlx"}) {
            assertThat(countFiles(outside.resolve("data").resolve(cache))).as(cache).isEqualTo(OUTSIDE_FILES);
        }
        assertThat(project.resolve(".cache.real/torch/model.pth")).exists();
    }

    /**
     * A process flips {@code .cache} between the real folder and a link to the outside folder as fast as it can
     * while the deletion runs, for a few hundred rounds: the outside files all survive every round.
     */
    @Test
    void aRacingSwapperNeverGetsAnOutsideFileDeleted() throws Exception {
        Path real = project.resolve(".cache");
        Path parked = project.resolve(".cache.parked");
        Path link = project.resolve(".cache.link");
        Files.createSymbolicLink(link, outside.resolve("data").toRealPath());
        int rounds = 300;
        int stopped = 0;
        for (int round = 0; round < rounds; round++) {
            Path torch = Files.createDirectories(real.resolve("torch/hub/checkpoints"));
            for (int i = 0; i < 20; i++) {
                Files.writeString(torch.resolve("w" + i + ".pth"), "w");
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread swapper = new Thread(() -> flip(real, parked, link, stop));
            cli.interactive(true).stdin(() -> actingOnRead(swapper::start, "y\n"));

            CliHarness.Result result = cli.run("clear", "models");

            stop.set(true);
            swapper.join();
            assertThat(result.exitCode()).as(result.err()).isIn(ExitCode.OK, ExitCode.PROBLEM);
            if (Files.isSymbolicLink(real)) {
                Files.move(real, link, StandardCopyOption.ATOMIC_MOVE);
                Files.move(parked, real, StandardCopyOption.ATOMIC_MOVE);
            }
            for (String cache : new String[] {"torch", "huggingface", "mlx"}) {
                assertThat(countFiles(outside.resolve("data").resolve(cache)))
                        .as("outside %s after round %d:%n%s", cache, round, result.out()).isEqualTo(OUTSIDE_FILES);
            }
            stopped += result.exitCode() == ExitCode.PROBLEM ? 1 : 0;
        }
        // the race really ran: in some rounds the swap met the deletion and stopped it
        assertThat(stopped).as("rounds in which the swap stopped a cache").isPositive();
    }

    /** Swaps {@code .cache} (a real folder) for a link to the outside folder, parking the real one. */
    private void swapCacheForLink() {
        try {
            Files.createDirectories(project.resolve(".cache"));
            Files.move(project.resolve(".cache"), project.resolve(".cache.real"), StandardCopyOption.ATOMIC_MOVE);
            Files.createSymbolicLink(project.resolve(".cache"), outside.resolve("data").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flips {@code real} between the folder and the link (by two renames each way) until {@code stop}. */
    private static void flip(Path real, Path parked, Path link, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                Files.move(real, parked, StandardCopyOption.ATOMIC_MOVE);
                Files.move(link, real, StandardCopyOption.ATOMIC_MOVE);
                Thread.onSpinWait();
                Files.move(real, link, StandardCopyOption.ATOMIC_MOVE);
                Files.move(parked, real, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream that runs {@code action} when first read, then yields {@code answer}: a user typing at a prompt. */
    private static InputStream actingOnRead(Runnable action, String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        return new ByteArrayInputStream(bytes) {
            private boolean acted;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (!acted) {
                    acted = true;
                    action.run();
                }
                return super.read(b, off, len);
            }
        };
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
