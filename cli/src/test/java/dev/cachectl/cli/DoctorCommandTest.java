package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachectl doctor} end to end in process, on real project trees. */
class DoctorCommandTest {

    @TempDir
    Path project;

    @TempDir
    Path home;

    CliHarness cli;

    @BeforeEach
    void harness() {
        cli = new CliHarness(project, home);
    }

    private void config(String json) throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), json);
    }

    private void createCaches() throws IOException {
        for (String dir : new String[] {".cache/torch", ".cache/huggingface", ".cache/mlx", "out/tmdb_cache",
                "out/musicbrainz_cache", "glossary/cache"}) {
            Files.createDirectories(project.resolve(dir));
        }
    }

    @Test
    void aHealthyProjectPassesEveryCheck() throws IOException {
        config("{\"cache\": {}}");
        createCaches();

        CliHarness.Result result = cli.run("doctor");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("ok       config", "ok       providers", "ok       gitignore",
                "ok       caches", "0 error(s), 0 warning(s).");
    }

    @Test
    void withoutAConfigItSaysSoAndSuggestsInit() {
        CliHarness.Result result = cli.run("doctor");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("DOCTOR_CONFIG_DEFAULTS").contains("CACHE_DIR_MISSING")
                .contains("fix: cachectl init");
    }

    @Test
    void anInvalidConfigIsAnErrorAndTheOtherChecksStillRun() throws IOException {
        config("{\"cache\": {\"torch_hom\": \".cache/torch\"}}");

        CliHarness.Result result = cli.run("doctor", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("\"code\" : \"CFG_UNKNOWN_KEY\"").contains("\"severity\" : \"error\"")
                .contains("\"name\" : \"providers\"").contains("\"status\" : \"ok\"");
        assertThat(result.err()).contains("doctor found 1 error(s)");
    }

    @Test
    void aCacheThatIsAFileIsAnError() throws IOException {
        config("{\"cache\": {}}");
        createCaches();
        Files.delete(project.resolve("out/tmdb_cache"));
        Files.writeString(project.resolve("out/tmdb_cache"), "oops");

        CliHarness.Result result = cli.run("doctor");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("error CACHE_DIR_NOT_DIRECTORY").contains("fix: move the file away");
    }

    @Test
    void aNonEmptyLegacyCacheAsksForMigrate() throws IOException {
        config("{\"cache\": {}}");
        createCaches();
        Files.createDirectories(project.resolve("shared/model-cache"));
        Files.writeString(project.resolve("shared/model-cache/old-model.bin"), "weights");

        CliHarness.Result result = cli.run("doctor");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("warning LEGACY_CACHE_NOT_EMPTY").contains("fix: cachectl migrate");
    }

    @Test
    void cachesGitWouldCommitAreWarnedAboutUntilIgnored() throws Exception {
        assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "needs git");
        config("{\"cache\": {}}");
        createCaches();
        assertThat(new ProcessBuilder("git", "init", "-q", project.toString()).start().waitFor()).isZero();

        CliHarness.Result before = cli.run("doctor");

        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).contains("warning  gitignore").contains("DOCTOR_GITIGNORE_MISSING")
                .contains(".cache/huggingface/ is not ignored by git").contains("fix: cachectl init --gitignore");

        Files.writeString(project.resolve(".gitignore"), ".cache/\nout/\nglossary/cache/\n");
        CliHarness.Result after = cli.run("doctor");

        assertThat(after.out()).contains("ok       gitignore").doesNotContain("DOCTOR_GITIGNORE_MISSING");
    }
}
