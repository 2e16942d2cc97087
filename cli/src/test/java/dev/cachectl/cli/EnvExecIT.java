package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env} and {@code exec} through the built launcher, as real processes. */
class EnvExecIT {

    static final Path LAUNCHER = DistributionIT.DIST.resolve("bin/cachectl");

    @TempDir
    Path temp;

    Path project;

    @BeforeEach
    void project() throws IOException {
        assumeTrue(ShellEvaluation.installed("bash").isPresent(), "these tests need bash");
        project = Files.createDirectories(temp.resolve("a project"));
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {\"hf_home\": "
                + EnvCommandTest.jsonString(EnvCommandTest.AWKWARD) + "}}\n");
    }

    @Test
    void bashEvaluatesTheLaunchersOutputToTheJsonVariables() throws Exception {
        CacheEnvironment expected = CacheEnvironment.of(Workspace.open(new WorkspaceRequest(project, Optional.empty(),
                List.of(), new HostEnvironment(Map.of("HOME", temp.toString()), temp, false))));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("set", expected.set());
        document.put("unset", expected.unset());
        var json = DistributionIT.cachectl(project, Map.of("HOME", temp.toString()), "env", "--shell", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).isEqualTo(JsonText.write(document));

        String script = "eval \"$(" + quote(LAUNCHER.toString()) + " env --shell bash)\" && env -0";
        Map<String, String> environment = new java.util.HashMap<>(launcherEnvironment());
        environment.put("PYTORCH_TRANSFORMERS_CACHE", "/elsewhere");
        Map<String, String> after = ShellEvaluation.evaluate(List.of("bash", "-c"), "cd " + quote(project.toString())
                + " && " + script, environment);
        for (Map.Entry<String, String> variable : expected.set().entrySet()) {
            assertThat(after.get(variable.getKey())).as(variable.getKey()).isEqualTo(variable.getValue());
        }
        assertThat(after).doesNotContainKey("PYTORCH_TRANSFORMERS_CACHE");
        assertThat(after.get("HF_HOME")).isEqualTo(project.resolve(EnvCommandTest.AWKWARD).toString());
    }

    @Test
    void execInheritsStdioAndReturnsTheExitCode() throws Exception {
        Process process = start(List.of("exec", "--", "sh", "-c", "read line; echo \"got $line $TORCH_HOME\";"
                + " echo oops >&2; exit 42"));
        process.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(42);
        assertThat(read(process.getInputStream())).isEqualTo("got hello " + project.resolve(".cache/torch") + "\n");
        assertThat(read(process.getErrorStream())).isEqualTo("oops\n");
    }

    @Test
    void aMissingCommandIs127() throws Exception {
        Process process = start(List.of("exec", "no-such-program"));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(127);
        assertThat(read(process.getErrorStream())).isEqualTo("cachectl: command not found: no-such-program\n");
    }

    @Test
    void venvScriptsComeFirstOnPath() throws Exception {
        Path venv = Files.createDirectories(project.resolve("venv/whisperx/bin"));
        Files.writeString(venv.resolveSibling("pyvenv.cfg"), "home = /usr/bin\n");
        Path python = venv.resolve("python");
        Files.writeString(python, "#!/bin/sh\necho \"python of $VIRTUAL_ENV ${PYTHONHOME-no-home} $*\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process process = start(List.of("exec", "--venv", "venv/whisperx", "python", "transcribe.py"),
                Map.of("PYTHONHOME", "/nope"));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read(process.getInputStream())).isEqualTo("python of " + project.resolve("venv/whisperx")
                + " no-home transcribe.py\n");
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void ctrlCOnTheProcessGroupReachesTheChildOnceAndExits130() throws Exception {
        assumeTrue(ShellEvaluation.installed("setsid").isPresent(), "setsid is not installed");
        // setsid makes the launcher a process group leader, as a shell's foreground job is; a terminal's Ctrl-C
        // is a SIGINT to that whole group.
        // env --default-signal: a build started in the background inherits SIGINT as ignored, and an ignored
        // signal stays ignored across exec (nohup semantics), for cachectl and for its child alike.
        List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT", LAUNCHER.toString(),
                "exec", "--", "sh", "-c",
                "trap 'echo got INT; exit 130' INT; echo ready; for i in $(seq 600); do sleep 0.1; done"));
        Process process = new ProcessBuilder(command).directory(project.toFile()).start();
        process.getOutputStream().close();
        awaitReady(process);
        signal("-INT", "-" + process.pid());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read(process.getInputStream())).isEqualTo("got INT\n");
        assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void sigtermIsPassedToTheChild() throws Exception {
        Process process = start(List.of("exec", "--", "sh", "-c",
                "trap 'echo got TERM; exit 143' TERM; echo ready; for i in $(seq 600); do sleep 0.1; done"));
        process.getOutputStream().close();
        awaitReady(process);
        signal("-TERM", Long.toString(process.pid())); // Process.destroy() would also close our end of its pipes
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read(process.getInputStream())).isEqualTo("got TERM\n");
        assertThat(process.exitValue()).isEqualTo(143);
    }

    private Process start(List<String> args) throws IOException {
        return start(args, Map.of());
    }

    private Process start(List<String> args, Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().putAll(launcherEnvironment());
        builder.environment().putAll(extra);
        return builder.start();
    }

    private Map<String, String> launcherEnvironment() {
        // A UTF-8 locale: the JVM reads file names in the locale's encoding (see docs/commands/env.md).
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", temp.toString(),
                "LANG", "C.UTF-8");
    }

    /** Reads stdout up to the child's "ready" line, so the signal arrives while the child runs. */
    private static void awaitReady(Process process) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = process.getInputStream().read(); c >= 0 && c != '\n'; c = process.getInputStream().read()) {
            line.append((char) c);
        }
        assertThat(line.toString()).isEqualTo("ready");
    }

    private static void signal(String signal, String target) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, "--", target).redirectErrorStream(true).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as(read(kill.getInputStream())).isZero();
    }

    private static String read(java.io.InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
