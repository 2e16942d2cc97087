package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clear} through the built launcher: no terminal means --yes is required; the real run matches du. */
class ClearIT {

    @TempDir
    Path project;

    @TempDir
    Path outside;

    @Test
    void clearsThroughTheLauncherAndLeavesOutsideTargetsAlone() throws Exception {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        Path torch = Files.createDirectories(project.resolve(".cache/torch/hub/checkpoints"));
        Files.write(torch.resolve("resnet50.pth"), new byte[64 * 1024]);
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep");
        Files.createSymbolicLink(torch.resolve("link-out"), outside);

        DistributionIT.ProcessResult refused = DistributionIT.cachectl(project, Map.of(), "clear", "torch");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes");

        DistributionIT.ProcessResult cleared = DistributionIT.cachectl(project, Map.of(), "clear", "models", "--yes",
                "--json");
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(cleared.out()).contains("\"provider\" : \"torch\"").contains("\"files\" : 1");
        assertThat(project.resolve(".cache/torch")).isEmptyDirectory();
        assertThat(precious).hasContent("keep");
    }
}
