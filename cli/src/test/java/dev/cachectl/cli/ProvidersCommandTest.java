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
        assertThat(result.out().lines().skip(1).map(line -> line.split("\\s+")[0]))
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
}
