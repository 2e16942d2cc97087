package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever {@code validate} accepts, {@code env} can export in every dialect: generated cache paths made of the
 * characters shells, cmd, PowerShell and dotenv treat specially (seeded, so a failure repeats), each validated
 * and, when valid, rendered for every shell.
 */
class HostilePathsTest {

    private static final String[] PIECES = {"a", "b", "/", " ", "'", "\"", "`", "$", "${X}", "$(x)", "%", "%PATH%",
        "!", "&", "|", ";", "<", ">", "^", "(", ")", "\\", "\n", "\r", "\t", "\u001b", "\u007f", "‘", "’", "ü",
        "空", "#", "*", "?", "~", ":", "=", "..", "-", "\u202e", "\u00a0"};

    private static final String[] DIALECTS = {"bash", "zsh", "sh", "fish", "powershell", "cmd", "dotenv", "json"};

    @TempDir
    Path project;

    @Test
    void everyPathValidateAcceptsIsExportedInEveryDialect() throws IOException {
        Files.createDirectories(project.resolve("config"));
        CliHarness cli = new CliHarness(project, project.resolve("home"));
        Random random = new Random(20261204L);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            StringBuilder path = new StringBuilder("caches/");
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                path.append(PIECES[random.nextInt(PIECES.length)]);
            }
            Files.writeString(project.resolve("config/hardware_cache.json"),
                    "{\"cache\": {\"hf_home\": " + EnvCommandTest.jsonString(path.toString()) + "}}");
            CliHarness.Result validate = cli.run("validate");
            if (validate.exitCode() != ExitCode.OK) {
                refused++;
                continue;
            }
            accepted++;
            for (String dialect : DIALECTS) {
                CliHarness.Result env = cli.run("env", "--shell", dialect);
                assertThat(env.exitCode()).as("validate accepted %s, env --shell %s said:%n%s",
                        EnvCommandTest.jsonString(path.toString()), dialect, env.err()).isZero();
            }
        }
        // both sides were really exercised
        assertThat(accepted).isGreaterThan(20);
        assertThat(refused).isGreaterThan(20);
    }

    @Test
    void aLineBreakInAPathIsRefusedByValidate() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {\"hf_home\": \"a\\nb\"}}");

        CliHarness.Result validate = new CliHarness(project, project.resolve("home")).run("validate");

        assertThat(validate.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(validate.out() + validate.err()).contains("CFG_UNEXPORTABLE_PATH").contains("line break");
    }
}
