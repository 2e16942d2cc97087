package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config someone else could have written is refused, as git refuses a repository since CVE-2022-24765: the
 * project is found by walking up, so a {@code config/hardware_cache.json} planted in a shared parent (mode 1777)
 * would otherwise tell {@code clear} what to empty. Refused with exit 2 and one line that says what, where and
 * how to fix it; used once trusted ({@code cachectl trust DIR}) or listed in {@code CACHECTL_SAFE_DIRECTORIES}.
 */
class ProjectTrustTest {

    @TempDir
    Path dir;

    Path shared;
    Path work;
    Path home;
    Path precious;

    @BeforeEach
    void plantedConfig() throws IOException {
        shared = Files.createDirectories(dir.resolve("shared")).toRealPath();
        Files.createDirectories(shared.resolve("config"));
        Files.writeString(shared.resolve("config/hardware_cache.json"),
                "{\"cache\": {\"torch_home\": \"~/precious\"}}");
        work = Files.createDirectories(shared.resolve("someone/work"));
        home = Files.createDirectories(dir.resolve("home"));
        precious = Files.createDirectories(home.resolve("precious"));
        Files.writeString(precious.resolve("thesis.tex"), "years of work");
    }

    private CliHarness cli() {
        return new CliHarness(work, home).env("XDG_CONFIG_HOME", home.resolve(".config").toString());
    }

    private String refusal(String problem) {
        return "cachectl: CFG_UNSAFE_PROJECT refusing the project " + shared + ": " + problem + ", so someone else"
                + " could have written the config, whose paths decide what cachectl deletes and exports; if you trust"
                + " it, run 'cachectl trust " + shared + "' (or add it to CACHECTL_SAFE_DIRECTORIES)"
                + System.lineSeparator();
    }

    @Test
    void aConfigInAWorldWritableSharedParentIsRefusedUntilTrusted() throws IOException {
        Files.setAttribute(shared, "unix:mode", 01777); // the mode of /tmp: everybody may create entries
        CliHarness cli = cli();

        CliHarness.Result clear = cli.run("clear", "models", "--yes");
        CliHarness.Result env = cli.run("env", "--shell", "bash");

        assertThat(clear.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(clear.err()).isEqualTo(refusal("the project folder " + shared + " is writable by others (mode"
                + " 1777)"));
        assertThat(clear.out()).isEmpty();
        assertThat(precious.resolve("thesis.tex")).hasContent("years of work");
        assertThat(env.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(env.out()).isEmpty();
        // doctor goes on where the others stop, and reports the refusal as the error it is
        CliHarness.Result doctor = cli.run("doctor", "--json");
        assertThat(doctor.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(doctor.out()).contains("\"code\" : \"CFG_UNSAFE_PROJECT\"").contains("cachectl trust");

        CliHarness.Result trust = cli.run("trust", shared.toString());
        CliHarness.Result trusted = cli.run("status");

        assertThat(trust.exitCode()).as(trust.err()).isZero();
        assertThat(trust.out()).isEqualTo("trusted " + shared + " (recorded in "
                + home.resolve(".config/cachectl/trust.json") + ")" + System.lineSeparator());
        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
        assertThat(trusted.out()).contains("torch", "~/precious");

        CliHarness.Result untrust = cli.run("untrust", shared.toString());
        CliHarness.Result refusedAgain = cli.run("status");

        assertThat(untrust.out()).isEqualTo("untrusted " + shared + System.lineSeparator());
        assertThat(refusedAgain.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aConfigFolderWritableByOthersIsRefusedAndTheVariableListsSafeFolders() throws IOException {
        Files.setPosixFilePermissions(shared.resolve("config"), PosixFilePermissions.fromString("rwxrwxrwx"));

        CliHarness.Result refused = cli().run("status");
        CliHarness.Result listed = cli().env("CACHECTL_SAFE_DIRECTORIES", "/elsewhere:" + shared).run("status");
        CliHarness.Result everything = cli().env("CACHECTL_SAFE_DIRECTORIES", "*").run("status");
        CliHarness.Result other = cli().env("CACHECTL_SAFE_DIRECTORIES", "/elsewhere").run("status");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).isEqualTo(refusal("its folder " + shared.resolve("config") + " is writable by"
                + " others (mode 0777)"));
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(everything.exitCode()).as(everything.err()).isZero();
        assertThat(other.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void trustWithoutADirectoryTrustsTheProjectOfTheWorkingDirectory() throws IOException {
        Files.setPosixFilePermissions(shared.resolve("config/hardware_cache.json"),
                PosixFilePermissions.fromString("rw-rw-rw-"));

        CliHarness.Result refused = cli().run("status");
        CliHarness.Result trust = cli().run("trust");
        CliHarness.Result trusted = cli().run("status");

        assertThat(refused.err()).isEqualTo(refusal("the config " + shared.resolve("config/hardware_cache.json")
                + " is writable by others (mode 0666)"));
        assertThat(trust.out()).startsWith("trusted " + shared + " ");
        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
    }

    @Test
    void aSafeProjectNeedsNoTrust() {
        CliHarness.Result result = cli().run("status");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void aConfigOwnedByAnotherUserIsRefused() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.out.println("SKIPPED aConfigOwnedByAnotherUserIsRefused: needs root to chown a file to another uid"
                    + " (running as " + System.getProperty("user.name") + ")");
        }
        Assumptions.assumeTrue(root, "needs root to chown a file to another uid");
        Path config = shared.resolve("config/hardware_cache.json");
        Files.setAttribute(config, "unix:uid", 12345);

        CliHarness.Result result = cli().run("clear", "models", "--yes");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo(refusal("the config " + config + " is owned by another user (uid 12345;"
                + " you are uid 0)"));
        assertThat(precious.resolve("thesis.tex")).exists();
    }
}
