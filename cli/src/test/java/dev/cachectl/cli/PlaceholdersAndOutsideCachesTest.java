package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One placeholder rule for every command ({@code .gitkeep} and the like are no content: status does not warn
 * about them, clear keeps them), and a cache outside the project reported once even when two of its names
 * nest ({@code ~/.cache/huggingface} and its {@code hub}).
 */
class PlaceholdersAndOutsideCachesTest {

    @TempDir
    Path project;

    @TempDir
    Path home;
    CliHarness cli;

    @BeforeEach
    void seed() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        cli = new CliHarness(project, home);
    }

    @Test
    void aLegacyCacheHoldingOnlyAGitkeepIsEmptyForStatusAndMigrate() throws IOException {
        Files.createDirectories(project.resolve("shared/model-cache"));
        Files.writeString(project.resolve("shared/model-cache/.gitkeep"), "");

        CliHarness.Result status = cli.run("status", "--json");
        assertThat(status.out()).doesNotContain("LEGACY_CACHE_NOT_EMPTY");

        Files.writeString(project.resolve("shared/model-cache/model.bin"), "weights");
        assertThat(cli.run("status", "--json").out()).contains("LEGACY_CACHE_NOT_EMPTY");
    }

    @Test
    void clearKeepsThePlaceholdersAtTheTopOfACacheAndDeletesTheRest() throws IOException {
        Path tmdb = Files.createDirectories(project.resolve("out/tmdb_cache"));
        Files.writeString(tmdb.resolve(".gitkeep"), "");
        Files.writeString(tmdb.resolve("movie.json"), "{}");
        Files.createDirectories(tmdb.resolve("sub"));
        Files.writeString(tmdb.resolve("sub/.gitkeep"), "");

        CliHarness.Result clear = cli.run("clear", "tmdb", "--yes");

        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(clear.out()).contains(".gitkeep: placeholder that keeps the folder in git");
        assertThat(tmdb.resolve(".gitkeep")).exists();
        assertThat(tmdb.resolve("movie.json")).doesNotExist();
        assertThat(tmdb.resolve("sub")).doesNotExist();
    }

    @Test
    void nestedOutsideLocationsAreOneCache() throws IOException {
        Path hfHome = home.resolve(".cache/huggingface");
        Path blobs = Files.createDirectories(hfHome.resolve("hub/models--org--m/blobs"));
        Files.writeString(blobs.resolve("aaaa"), "weights");
        cli.env("TRANSFORMERS_CACHE", hfHome.toString());

        CliHarness.Result status = cli.run("status", "huggingface", "--json");

        assertThat(Pattern.compile("\"code\" : \"OUTSIDE_CACHE\"").matcher(status.out()).results().count())
                .as(status.out()).isEqualTo(1);
        assertThat(status.out()).contains(hfHome + " holds");
    }
}
