package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The path safety rules through the built launcher: caches in version-control metadata, paths that mean
 * something else on Windows, configs that are no regular file, and two clears of one cache at once.
 */
class PathSafetyIT {

    @TempDir
    Path project;

    @BeforeEach
    void gitRepository() throws IOException {
        Files.createDirectories(project.resolve(".git/objects/ab"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(project.resolve(".git/objects/ab/cdef"), "history");
        Files.createDirectories(project.resolve("config"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"torch_home\": \".git\"", "\"torch_home\": \".git/objects\"",
        "\"base_dir\": \"sub/.git/x\"", "\"application_caches\": {\"tmdb\": \"vendor/lib\"}"})
    void aCacheInOrHoldingVersionControlMetadataIsRefusedAndNothingIsDeleted(String setting) throws Exception {
        Files.createDirectories(project.resolve("vendor/lib/.git"));
        Files.writeString(project.resolve("vendor/lib/.git/HEAD"), "ref");
        config("{\"cache\": {" + setting + "}}");

        DistributionIT.ProcessResult validate = DistributionIT.cachectl(project, "validate");
        assertThat(validate.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(validate.out() + validate.err()).contains("CFG_VCS_METADATA");

        DistributionIT.ProcessResult clear = DistributionIT.cachectl(project, "clear", "all", "--yes");
        assertThat(clear.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(clear.err()).contains("CFG_VCS_METADATA").hasLineCount(1);
        assertThat(project.resolve(".git/objects/ab/cdef")).hasContent("history");
        assertThat(project.resolve("vendor/lib/.git/HEAD")).hasContent("ref");
    }

    @Test
    void aRepositoryClonedIntoACacheKeepsItsMetadataEvenWithForce() throws Exception {
        config("{\"cache\": {}}");
        Path clone = Files.createDirectories(project.resolve(".cache/torch/hub/owner_repo_main/.git"));
        Files.writeString(clone.resolve("HEAD"), "ref");
        Files.writeString(project.resolve(".cache/torch/hub/owner_repo_main/hubconf.py"), "code");

        DistributionIT.ProcessResult clear = DistributionIT.cachectl(project, "clear", "torch", "--yes", "--force");

        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(clear.out()).contains("hub/owner_repo_main/.git: version-control metadata");
        assertThat(clone.resolve("HEAD")).hasContent("ref");
        assertThat(project.resolve(".cache/torch/hub/owner_repo_main/hubconf.py")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:\\\\x", "\\\\\\\\srv\\\\share", "..\\\\..\\\\x", "C:/models", "//srv/share"})
    void windowsPathsAreRefusedOnLinux(String path) throws Exception {
        config("{\"cache\": {\"hf_home\": \"" + path + "\"}}");

        DistributionIT.ProcessResult validate = DistributionIT.cachectl(project, "validate", "--format", "github");

        assertThat(validate.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(validate.out()).contains("CFG_NON_PORTABLE_PATH").contains("/cache/hf_home");
    }

    @Test
    void aConfigThatIsANamedPipeIsRefusedAtOnceInsteadOfBlocking() throws Exception {
        Path fifo = project.resolve("config/hardware_cache.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");

        DistributionIT.ProcessResult status = DistributionIT.cachectl(project, "--project", project.toString(),
                "status");
        assertThat(status.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(status.err()).contains("is a named pipe (FIFO), not a regular file");

        DistributionIT.ProcessResult zero = DistributionIT.cachectl(project, "validate", "/dev/zero");
        assertThat(zero.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zero.err()).contains("/dev/zero is a character device, not a regular file");
    }

    /** Two clears of the same caches at once: they take turns, and both succeed. */
    @Test
    void twoClearsAtOnceBothSucceed() throws Exception {
        config("{\"cache\": {}}");
        for (int round = 0; round < 3; round++) {
            fill(project.resolve(".cache/huggingface/hub"), 40, 100);
            List<Process> clears = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clears.add(start(List.of("clear", "models", "--yes")));
            }
            for (Process clear : clears) {
                assertThat(clear.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String err = new String(clear.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(clear.exitValue()).as(err).isZero();
            }
            assertThat(project.resolve(".cache/huggingface/hub")).doesNotExist();
        }
    }

    /** A clear waits for the command holding a cache's lock, or with --no-wait fails at once with the reason. */
    @Test
    void aLockedCacheMakesClearWaitOrFailFastWithNoWait() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "needs util-linux flock");
        config("{\"cache\": {}}");
        Path tmdb = Files.createDirectories(project.resolve("out/tmdb_cache"));
        Files.writeString(tmdb.resolve("movie.json"), "{}");
        Process holder = new ProcessBuilder("flock", tmdb.toString(), "sleep", "3").start();
        try {
            Thread.sleep(300);
            DistributionIT.ProcessResult fast = DistributionIT.cachectl(project, "clear", "tmdb", "--yes",
                    "--no-wait");
            assertThat(fast.exitCode()).isEqualTo(ExitCode.PROBLEM);
            assertThat(fast.out()).contains("another cachectl command is deleting or moving files in");
            assertThat(tmdb.resolve("movie.json")).exists();

            DistributionIT.ProcessResult waited = DistributionIT.cachectl(project, "clear", "tmdb", "--yes");
            assertThat(waited.exitCode()).as(waited.err()).isZero();
            assertThat(waited.err()).contains("waiting for another cachectl command working in");
            assertThat(holder.isAlive()).as("the clear waited for the holder to finish").isFalse();
            assertThat(tmdb).isEmptyDirectory();
        } finally {
            holder.destroyForcibly();
        }
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(DistributionIT.DIST.resolve("bin/cachectl").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("CACHECTL_JAVA");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static void fill(Path hub, int repos, int filesEach) throws IOException {
        for (int r = 0; r < repos; r++) {
            Path blobs = Files.createDirectories(hub.resolve("models--org--m" + r + "/blobs"));
            for (int f = 0; f < filesEach; f++) {
                Files.writeString(blobs.resolve("b" + f), "x");
            }
        }
    }

    private void config(String json) throws IOException {
        Files.writeString(project.resolve("config/hardware_cache.json"), json);
    }
}
