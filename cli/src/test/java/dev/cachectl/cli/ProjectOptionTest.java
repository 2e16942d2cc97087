package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code --project DIR}: a made-up path or a file is a usage error; {@code init} may create the folder. */
class ProjectOptionTest {

    @TempDir
    Path temp;

    private CliHarness cli() throws Exception {
        return new CliHarness(Files.createDirectories(temp.resolve("work")), temp.resolve("home"))
                .env("SHELL", "/bin/bash").env("XDG_CONFIG_HOME", temp.resolve("home/.config").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "env", "providers", "doctor", "validate", "clear --dry-run all",
            "migrate --dry-run", "trust", "plugins trust"})
    void aMissingFolderIsRefusedWithOneLineSayingWhatWhereAndTheFix(String command) throws Exception {
        var result = cli().run(("--project no-such-project " + command).split(" "));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("cachectl: CFG_NO_PROJECT_FOLDER --project no-such-project ("
                        + temp.resolve("work/no-such-project") + "): no such folder")
                .contains("cachectl init --project no-such-project");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aFileIsRefusedAndTheConfigFileItselfPointsAtItsProject() throws Exception {
        Path project = temp.resolve("proj");
        Path config = Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json");
        Files.writeString(config, "{}\n");
        var result = cli().run("--project", config.toString(), "status");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("cachectl: CFG_NO_PROJECT_FOLDER --project " + config + " is a file,"
                + " not a folder; give the project's folder, the one holding config/hardware_cache.json; to use that"
                + " config, give its project: --project " + project + "\n");
    }

    @Test
    void aFileIsRefusedEvenByInit() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "x");
        var result = cli().run("--project", file.toString(), "init");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("is a file, not a folder");
        assertThat(file).hasContent("x");
    }

    @Test
    void initCreatesAMissingFolderWithItsParents() throws Exception {
        Path project = temp.resolve("new/project");
        var result = cli().run("--project", project.toString(), "init");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(project.resolve("config/hardware_cache.json")).isRegularFile();
        var status = cli().run("--project", project.toString(), "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
    }

    @Test
    void anExistingEmptyFolderIsAProjectWithTheDefaults() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        var result = cli().run("--project", empty.toString(), "env", "--shell", "bash");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void aCommandThatNeverLooksAtTheProjectIgnoresIt() throws Exception {
        var result = cli().run("--project", "no-such-project", "schema");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
