package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheSixBuiltInProviders() {
        CliHarness.Result result = new CliHarness(dir, dir).run("providers");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out().lines().skip(1).takeWhile(line -> !line.isBlank()).map(line -> line.split("\\s+")[0]))
                .containsExactly("huggingface", "mlx", "torch", "glossary", "musicbrainz", "tmdb");
        assertThat(result.out()).contains("built-in").doesNotContain("failed");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jsonHasTheDocumentedShape() {
        CliHarness.Result result = new CliHarness(dir, dir).run("providers", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).startsWith("{").contains("\"schema_version\" : 1")
                .contains("\"id\" : \"torch\"", "\"display_name\" : \"Hugging Face\"", "\"category\" : \"application\"",
                        "\"module\" : \"dev.cachectl.providers.ml\"", "\"source\" : \"built-in\"", "\"state\" : \"ok\"",
                        "\"error\" : null");
    }

    @Test
    void showsThePluginFoldersInSearchOrder() throws java.io.IOException {
        Path project = java.nio.file.Files.createDirectories(dir.resolve("project/config"));
        java.nio.file.Files.writeString(project.resolve("hardware_cache.json"), "{}");
        java.nio.file.Files.createDirectories(dir.resolve("project/.cachectl/plugins"));
        java.nio.file.Files.createDirectories(dir.resolve("extra"));
        CliHarness harness = new CliHarness(dir.resolve("project/config"), dir.resolve("home"))
                .env("XDG_CONFIG_HOME", dir.resolve("xdg").toString());

        CliHarness.Result text = harness.run("--plugins", "../../extra", "providers");
        CliHarness.Result json = harness.run("--plugins", "../../extra", "providers", "--json");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).endsWith(String.join(System.lineSeparator(), "", "Plugin folders, in search order:",
                "  1. " + dir.resolve("extra") + " (--plugins)",
                "  2. " + dir.resolve("project/.cachectl/plugins") + " (project)",
                "  3. " + dir.resolve("xdg/cachectl/plugins") + " (user, does not exist)", ""));
        assertThat(json.out()).contains("\"plugin_dirs\" : [ {", "\"origin\" : \"option\"", "\"origin\" : \"project\"",
                "\"path\" : \"" + dir.resolve("xdg/cachectl/plugins") + "\",\n    \"origin\" : \"user\",\n    \"exists\" : false");
    }

    @Test
    void aBrokenJarInTheProjectsPluginFolderFailsAloneAndExitsOne() throws java.io.IOException {
        Path plugins = java.nio.file.Files.createDirectories(dir.resolve("project/.cachectl/plugins"));
        java.nio.file.Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        java.nio.file.Files.writeString(plugins.resolve("notes.txt"), "only *.jar files are loaded");

        CliHarness.Result result = new CliHarness(dir, dir).env("CACHECTL_TRUST_PROJECT_PLUGINS", "1")
                .run("--project", "project", "providers", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.err()).isEqualTo("cachectl: plugin " + plugins.resolve("broken.jar") + " failed: not a"
                + " readable jar (zip END header not found); rebuild or download it again, or remove it"
                + System.lineSeparator());
        assertThat(result.out()).contains("\"id\" : \"broken.jar\"", "\"state\" : \"failed\"",
                "\"error_code\" : \"PLUGIN_UNREADABLE\"", "\"id\" : \"torch\"");
    }

    @Test
    void aMissingPluginsFolderIsAUsageError() {
        CliHarness.Result result = new CliHarness(dir, dir).run("--plugins", "nowhere", "providers");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("cachectl: --plugins " + dir.resolve("nowhere")
                + ": no such folder; check the path (it is relative to the working directory)" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliHarness.Result result = new CliHarness(dir, dir).run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("frobnicate").contains("--help");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void noCommandPrintsUsageAndFails() {
        CliHarness.Result result = new CliHarness(dir, dir).run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Usage: cachectl").contains("a command is required");
    }

    @Test
    void versionAndHelpSucceed() {
        CliHarness harness = new CliHarness(dir, dir);

        CliHarness.Result version = harness.run("--version");
        CliHarness.Result help = harness.run("providers", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("cachectl ").doesNotContain("unknown");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: cachectl providers").contains("--json");
    }

    @Test
    void completionCoversEveryCommand() {
        CliHarness.Result result = new CliHarness(dir, dir).run("completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F _complete_cachectl")
                .contains("status", "clear", "doctor", "validate", "providers", "env");
    }
}
