package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C through the built launcher: one line on stderr that says what state the caches are in, except for exec. */
class InterruptIT {

    @TempDir
    Path temp;

    Path project;

    @BeforeEach
    void project() throws IOException {
        assumeTrue(ShellEvaluation.installed("setsid").isPresent(), "setsid is not installed");
        assumeTrue(ShellEvaluation.installed("flock").isPresent(), "flock is not installed");
        project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(Files.createDirectories(project.resolve(".cache/torch")).resolve("hub.pt"), "weights");
    }

    @Test
    void ctrlCWhileClearWaitsForALockExits130WithOneLineOnStderr() throws Exception {
        // Another process holds the cache's lock (an advisory flock on the directory, as a second clear would),
        // so clear waits, and says so, until Ctrl-C.
        Process holder = new ProcessBuilder("flock", project.resolve(".cache/torch").toString(), "sleep", "120")
                .start();
        try {
            Process clear = start("clear", "torch", "--yes");
            clear.getOutputStream().close();
            BufferedReader err = new BufferedReader(new InputStreamReader(clear.getErrorStream(),
                    StandardCharsets.UTF_8));
            assertThat(err.readLine()).startsWith("cachectl: waiting for another cachectl command working in");
            signal("-INT", "-" + clear.pid()); // the whole group, as a terminal's Ctrl-C
            assertThat(clear.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(clear.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(err.lines().toList()).containsExactly(InterruptNotice.MESSAGE);
            assertThat(new String(clear.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
            assertThat(project.resolve(".cache/torch/hub.pt")).exists();
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ctrlCDuringExecLeavesStderrToTheChild() throws Exception {
        Process exec = start("exec", "--", "sh", "-c", "trap 'echo got INT; exit 130' INT; echo ready;"
                + " for i in $(seq 600); do sleep 0.1; done");
        exec.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(exec.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        signal("-INT", "-" + exec.pid());
        assertThat(exec.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exec.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(out.readLine()).isEqualTo("got INT");
        assertThat(new String(exec.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRunThatFinishesPrintsNoNotice() throws Exception {
        var status = DistributionIT.cachectl(project, java.util.Map.of("HOME", temp.toString()), "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.err()).doesNotContain("interrupted");
    }

    /**
     * Starts the launcher as a process group leader (setsid), as a shell's foreground job is, with SIGINT at
     * its default even when the build runs in the background (which starts children with SIGINT ignored).
     */
    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("setsid", "env", "--default-signal=INT",
                EnvExecIT.LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().put("HOME", temp.toString());
        builder.environment().put("LANG", "C.UTF-8");
        return builder.start();
    }

    private static void signal(String signal, String target) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, "--", target).redirectErrorStream(true).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
