package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.HubCacheFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code cachectl migrate} refuses to move from (issue 10): system directories, named or reached through
 * a link, and folders that hold other things than the provider's cache; each refusal is in the plan with its
 * reason, text and JSON, and nothing is planned from it.
 */
class MigrateSourceSafetyTest {

    @TempDir
    Path temp;

    Path project;
    Path xdg;

    @BeforeEach
    void setUp() throws Exception {
        project = temp.resolve("project");
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}\n");
        xdg = temp.resolve("home/.cache");
        Files.createDirectories(xdg);
    }

    private CliHarness cli() {
        return new CliHarness(project, temp.resolve("home")).env("XDG_CACHE_HOME", xdg.toString());
    }

    @Test
    void torchHomeAtEtcIsRefusedWithTheReasonAndNothingIsPlannedFromIt() {
        CliHarness.Result text = cli().env("TORCH_HOME", "/etc").run("migrate", "torch", "--dry-run");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.PROBLEM);
        assertThat(text.out()).contains("skipped  /etc  [torch]  (TORCH_HOME): is /etc, a system directory")
                .contains("never migrated from").doesNotContain("/etc/");

        CliHarness.Result json = cli().env("TORCH_HOME", "/etc").run("migrate", "torch", "--dry-run", "--json");
        assertThat(json.out()).contains("\"path\" : \"/etc\"").contains("a system directory")
                .contains("\"sources\" : [ ]").doesNotContain("/etc/");
    }

    @Test
    void aLinkToEtcIsRefusedLikeEtc() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("innocent-looking"), Path.of("/etc"));

        CliHarness.Result text = cli().env("TORCH_HOME", link.toString()).run("migrate", "torch", "--dry-run");

        assertThat(text.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(text.out()).contains("skipped  " + link + "  [torch]  (TORCH_HOME): resolves to /etc, which is"
                + " /etc, a system directory").doesNotContain("/etc/");
        CliHarness.Result json = cli().env("TORCH_HOME", link.toString()).run("migrate", "torch", "--dry-run", "--json");
        assertThat(json.out()).contains("resolves to /etc").contains("\"sources\" : [ ]");
    }

    @Test
    void childrenOfSystemDirectoriesAndTheHomeDirectoryAreRefused() {
        CliHarness.Result usr = cli().env("HF_HUB_CACHE", "/usr/share").run("migrate", "huggingface", "--dry-run");
        assertThat(usr.out()).contains("skipped  /usr/share  [huggingface]  (HF_HUB_CACHE): is inside /usr, a system"
                + " directory");

        CliHarness.Result home = cli().env("TORCH_HOME", temp.resolve("home").toString())
                .run("migrate", "torch", "--dry-run");
        assertThat(home.out()).contains("(TORCH_HOME): is your home directory");
    }

    @Test
    void aHubCacheHoldingUnrelatedFilesIsRefusedAndNothingUnrelatedMoves() throws Exception {
        Path mixed = temp.resolve("work/hf");
        HubCacheFixture.at(mixed.resolve("hub")).model("org/m").blob("b", 10);
        FixtureFiles.writeText(mixed.resolve("hub/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.createDirectories(mixed.resolve("hub/.git"));
        FixtureFiles.writeText(mixed.resolve("notes.txt"), "mine");

        CliHarness.Result result = cli().env("HF_HOME", mixed.toString()).run("migrate", "huggingface", "--yes");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("skipped  " + mixed.resolve("hub") + "  [huggingface]  (HF_HOME/hub): holds"
                + " .git, passwd, which a huggingface cache here does not").contains("a folder holding other things");
        assertThat(mixed.resolve("hub/passwd")).hasContent("root:x:0:0::/root:/bin/sh\n");
        assertThat(mixed.resolve("hub/.git")).isDirectory();
        assertThat(mixed.resolve("hub/models--org--m/blobs/b")).hasSize(10);
        assertThat(mixed.resolve("notes.txt")).hasContent("mine");
        assertThat(project.resolve(".cache/huggingface/hub/passwd")).doesNotExist();
        assertThat(project.resolve(".cache/huggingface/hub/.git")).doesNotExist();
    }

    @Test
    void aHubCacheInsideAFolderOfOtherThingsMovesAndTheOtherThingsStay() throws Exception {
        Path home = temp.resolve("work/hf");
        HubCacheFixture.at(home.resolve("hub")).cacheDirTag().model("org/m").blob("b", 10);
        FixtureFiles.writeText(home.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        FixtureFiles.writeText(home.resolve("token"), "hf_secret");
        // What transformers and diffusers write beside the repos is part of a hub cache.
        FixtureFiles.writeText(home.resolve("hub/version.txt"), "1");
        FixtureFiles.writeText(home.resolve("hub/version_diffusers_cache.txt"), "1");
        Files.createDirectories(home.resolve("hub/.locks/models--org--m"));

        CliHarness.Result result = cli().env("HF_HOME", home.toString()).run("migrate", "huggingface", "--yes");

        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        assertThat(project.resolve(".cache/huggingface/hub/models--org--m/blobs/b")).hasSize(10);
        assertThat(project.resolve(".cache/huggingface/hub/version_diffusers_cache.txt")).exists();
        assertThat(home.resolve("passwd")).exists();
        assertThat(home.resolve("token")).hasContent("hf_secret");
        assertThat(project.resolve(".cache/huggingface/passwd")).doesNotExist();
    }

    @Test
    void aTorchHomeThatIsASourceCheckoutIsRefused() throws Exception {
        Path checkout = temp.resolve("src/vision");
        Files.createDirectories(checkout.resolve("hub"));
        Files.createDirectories(checkout.resolve(".git"));
        FixtureFiles.writeText(checkout.resolve("setup.py"), "print('hi')\n");

        CliHarness.Result result = cli().env("TORCH_HOME", checkout.toString()).run("migrate", "torch", "--yes");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("(TORCH_HOME): holds .git, setup.py, which a torch cache here does not");
        assertThat(checkout.resolve("setup.py")).exists();
        assertThat(checkout.resolve("hub")).isDirectory();
        assertThat(project.resolve(".cache/torch/setup.py")).doesNotExist();
    }
}
