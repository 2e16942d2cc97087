package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {

    @TempDir
    Path temp;

    Path project;

    @BeforeEach
    void project() throws Exception {
        assumeTrue(ShellEvaluation.installed("sh").isPresent(), "exec tests need a POSIX sh");
        project = Files.createDirectories(temp.resolve("project"));
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
    }

    private CliHarness cli() {
        return new CliHarness(project, temp.resolve("home"));
    }

    @Test
    void returnsTheCommandsExitCodeAndPassesItsOutputThrough() {
        var result = cli().run("exec", "--", "sh", "-c", "echo out; echo err >&2; exit 7");
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.out()).isEqualTo("out\n");
        assertThat(result.err()).isEqualTo("err\n");
    }

    @Test
    void theCommandSeesTheCacheVariablesAndNotTheRemovedOnes() {
        var result = cli().env("PYTORCH_TRANSFORMERS_CACHE", "/old").env("TORCH_HOME", "/old/torch")
                .run("exec", "sh", "-c", "echo \"$TORCH_HOME|$HF_HUB_CACHE|${PYTORCH_TRANSFORMERS_CACHE-unset}\"");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(project.resolve(".cache/torch") + "|"
                + project.resolve(".cache/huggingface/hub") + "|unset\n");
    }

    @Test
    void everythingAfterTheCommandBelongsToIt() {
        var result = cli().run("exec", "sh", "-c", "printf '%s,' \"$@\"", "x", "--venv", "v", "--help", "@file");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("--venv,v,--help,@file,");
    }

    @Test
    void stdinReachesTheCommand() {
        var result = cli().stdin("hello\n").run("exec", "sh", "-c", "read line; echo \"got $line\"");
        assertThat(result.out()).isEqualTo("got hello\n");
    }

    @Test
    void aMissingCommandIs127AndANonExecutableOne126() throws Exception {
        var missing = cli().run("exec", "no-such-command-here");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(missing.err()).isEqualTo("cachectl: command not found: no-such-command-here\n");
        assertThat(missing.out()).isEmpty();

        Path script = project.resolve("tool.sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        var refused = cli().run("exec", "./tool.sh");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.NOT_EXECUTABLE);
        assertThat(refused.err()).contains("cannot run " + script).contains("chmod +x");

        var directory = cli().run("exec", "./config");
        assertThat(directory.exitCode()).isEqualTo(ExitCode.NOT_EXECUTABLE);
        assertThat(directory.err()).contains("it is a directory");
    }

    @Test
    void venvPutsItsBinFirstSetsVirtualEnvAndDropsPythonHome() throws Exception {
        Path venv = fakeVenv("venv/whisperx");
        var result = cli().env("PYTHONHOME", "/broken/python").env("VIRTUAL_ENV", "/some/other/venv")
                .run("exec", "--venv", "venv/whisperx", "--", "show-venv", "arg 1");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("VIRTUAL_ENV=" + venv + "\nPATH=" + venv.resolve("bin") + ":"
                + System.getenv("PATH") + "\nPYTHONHOME=unset\nARG=arg 1\n");
    }

    @Test
    void venvIsRelativeToTheProjectRootFromAnySubfolder() throws Exception {
        Path venv = fakeVenv("venv/mlx");
        Path sub = Files.createDirectories(project.resolve("src/stage"));
        var result = new CliHarness(sub, temp.resolve("home")).run("exec", "--venv", "venv/mlx", "show-venv", "x");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("VIRTUAL_ENV=" + venv + "\n");
    }

    @Test
    void somethingThatIsNotAVenvIsAClearUsageError() throws Exception {
        var missing = cli().run("exec", "--venv", "venv/nllb", "python");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains(project.resolve("venv/nllb") + " does not exist")
                .contains("python3 -m venv venv/nllb");

        Files.createDirectories(project.resolve("venv/plain/bin"));
        var plain = cli().run("exec", "--venv", "venv/plain", "python");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(plain.err()).contains("is not a Python virtual environment (it has no pyvenv.cfg)");

        Files.createDirectories(project.resolve("venv/windows"));
        Files.writeString(project.resolve("venv/windows/pyvenv.cfg"), "home = C:\\Python\n");
        var broken = cli().run("exec", "--venv", "venv/windows", "python");
        assertThat(broken.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(broken.err()).contains("has no bin folder").contains("python3 -m venv --clear venv/windows");
    }

    @Test
    void withoutACommandItIsAUsageError() {
        var result = cli().run("exec");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("CMD");
    }

    /** A venv as python -m venv lays it out, with one script that prints what it was given. */
    private Path fakeVenv(String relative) throws Exception {
        Path venv = Files.createDirectories(project.resolve(relative));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\n");
        Path script = Files.createDirectories(venv.resolve("bin")).resolve("show-venv");
        Files.writeString(script, "#!/bin/sh\necho \"VIRTUAL_ENV=$VIRTUAL_ENV\"\necho \"PATH=$PATH\"\n"
                + "echo \"PYTHONHOME=${PYTHONHOME-unset}\"\necho \"ARG=$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return venv;
    }
}
