package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verbose} through the built launcher: SLF4J debug lines on stderr only, and none without it. */
class VerboseLoggingIT {

    @TempDir
    Path temp;

    @Test
    void verboseStatusLogsTheConfigTheProvidersThePluginFoldersAndTheScannerOnStderr() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json"), "{}\n");
        Map<String, String> env = Map.of("HOME", temp.toString());
        var quiet = DistributionIT.cachectl(project, env, "status");
        var verbose = DistributionIT.cachectl(project, env, "status", "--verbose");
        assertThat(verbose.exitCode()).as(verbose.err()).isZero();
        assertThat(verbose.out()).isNotEmpty().doesNotContain("DEBUG");
        assertThat(verbose.err()).contains("DEBUG ProjectLocator - project " + project + ": config "
                        + project.resolve("config/hardware_cache.json") + " found")
                .contains("DEBUG ProviderRegistry - plugin folder " + project.resolve(".cachectl/plugins")
                        + " (project): absent")
                .contains("DEBUG ProviderRegistry - provider huggingface ")
                .contains("DEBUG TreeScanner - scanner: ");
        assertThat(quiet.err()).doesNotContain("DEBUG");
    }

    @Test
    void verboseAsAGlobalOptionWorksAndClearLogsItsDeleter() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(Files.createDirectories(project.resolve(".cache/torch")).resolve("x.pt"), "x");
        var clear = DistributionIT.cachectl(project, Map.of("HOME", temp.toString()), "--verbose", "clear", "torch",
                "--yes");
        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(clear.err()).contains("DEBUG TreeDeleter - deleter: ");
        assertThat(clear.out()).doesNotContain("DEBUG");
    }
}
