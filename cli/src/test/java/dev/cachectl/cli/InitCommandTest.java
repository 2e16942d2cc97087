package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path temp;

    private CliHarness cli(Path project) {
        return new CliHarness(project, temp.resolve("home")).env("SHELL", "/bin/bash")
                .env("XDG_CONFIG_HOME", temp.resolve("home/.config").toString()).env("GIT_CONFIG_NOSYSTEM", "1");
    }

    private Path project() throws Exception {
        return Files.createDirectories(temp.resolve("my project"));
    }

    @Test
    void writesTheSeedConfigCreatesEveryDirectoryAndTheSecondRunChangesNothing() throws Exception {
        Path project = project();
        var first = cli(project).run("init");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).contains("config/hardware_cache.json: created with the defaults")
                .containsPattern("torch +\\.cache/torch +created +TORCH_HOME")
                .containsPattern("huggingface +\\.cache/huggingface +created +HF_HOME HF_HUB_CACHE")
                .contains("Next: eval \"$(cachectl env)\"");
        Path config = project.resolve("config/hardware_cache.json");
        String seed = Files.readString(Path.of("../schemas/examples/valid/seed.json"));
        assertThat(normalizeJson(Files.readString(config))).isEqualTo(normalizeJson(seed));
        for (String dir : List.of(".cache/torch", ".cache/huggingface/hub", ".cache/mlx", "out/tmdb_cache",
                "out/musicbrainz_cache", "glossary/cache")) {
            assertThat(project.resolve(dir)).isDirectory();
        }
        byte[] written = Files.readAllBytes(config);
        long modified = Files.getLastModifiedTime(config).toMillis();

        var second = cli(project).run("init");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("already exists, unchanged").contains("Nothing changed")
                .containsPattern("torch +\\.cache/torch +exists");
        assertThat(Files.readAllBytes(config)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(config).toMillis()).isEqualTo(modified);
    }

    @Test
    void forceResetsTheCacheSectionAndKeepsEveryOtherKeyByteForByte() throws Exception {
        Path project = project();
        Path config = Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json");
        String hardware = "  \"hardware\": {\n    \"platform\": \"darwin-arm64\",\n    \"memory_gb\": 64.0\n  },\n";
        Files.writeString(config, "{\n" + hardware + "  \"cache\": {\"torch_home\": \"elsewhere/torch\"},\n"
                + "  \"detected_at\": \"2026-11-01T09:30:00Z\"\n}\n");

        var plain = cli(project).run("init");
        assertThat(plain.out()).contains("already exists, unchanged (--force resets");
        assertThat(project.resolve("elsewhere/torch")).isDirectory();

        var forced = cli(project).run("init", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("cache section reset to the defaults (other keys kept)");
        String text = Files.readString(config);
        assertThat(text).startsWith("{\n" + hardware + "  \"cache\": {\n    \"base_dir\": \".cache\",\n")
                .endsWith("  },\n  \"detected_at\": \"2026-11-01T09:30:00Z\"\n}\n")
                .doesNotContain("elsewhere");

        var again = cli(project).run("init", "--force");
        assertThat(again.out()).contains("unchanged (its cache section is already the defaults)");
        assertThat(config).hasContent(text);
    }

    @Test
    void aMalformedConfigIsRefusedWithAndWithoutForce() throws Exception {
        Path project = project();
        Path config = Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json");
        Files.writeString(config, "{\"cache\": {\"torch_home\": }\n");

        var plain = cli(project).run("init");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(plain.err()).contains("the config does not parse: ").contains("hardware_cache.json:1:")
                .contains(".broken").doesNotContain("--force");

        var forced = cli(project).run("init", "--force");
        assertThat(forced.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(forced.err()).contains("cannot reset the cache section of a config that does not parse")
                .contains(".broken");
        assertThat(config).hasContent("{\"cache\": {\"torch_home\": }\n");
    }

    @Test
    void anInvalidConfigIsRefusedUntilForceResetsIt() throws Exception {
        Path project = project();
        Path config = Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json");
        Files.writeString(config, "{\"gpu\": true, \"cache\": {\"torch_home\": 42}}");

        var plain = cli(project).run("init");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(plain.err()).contains("init --force");

        var forced = cli(project).run("init", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(config)).startsWith("{\"gpu\": true, \"cache\": {\"base_dir\": \".cache\", ");
    }

    @Test
    void aFileInTheWayOfACacheDirectoryIsReportedAndTheOthersAreCreated() throws Exception {
        Path project = project();
        Files.createDirectories(project.resolve("out"));
        Files.writeString(project.resolve("out/tmdb_cache"), "not a folder");

        var result = cli(project).run("init");
        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.err()).contains("tmdb: ").contains("exists and is not a directory");
        assertThat(result.out()).containsPattern("tmdb +out/tmdb_cache +failed");
        assertThat(project.resolve("out/musicbrainz_cache")).isDirectory();
    }

    @Test
    void gitignoreIsAddedOnceAndJsonDescribesIt() throws Exception {
        Path project = project();
        Files.writeString(project.resolve(".gitignore"), "target/\n/.cache/");

        var first = cli(project).run("init", "--gitignore", "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"schema_version\" : 1").contains("\"action\" : \"updated\"")
                .contains("\"outcome\" : \"already_ignored\"").contains("\"changed\" : true");
        String gitignore = Files.readString(project.resolve(".gitignore"));
        assertThat(gitignore).startsWith("target/\n/.cache/\n\n# cachectl").contains("/out/tmdb_cache/\n")
                .doesNotContain("/.cache/torch/");

        var second = cli(project).run("init", "--gitignore");
        assertThat(second.out()).contains(".gitignore: unchanged").contains("Nothing changed");
        assertThat(project.resolve(".gitignore")).hasContent(gitignore);
    }

    @Test
    void gitignoreUsesRealGitWhenTheProjectIsAWorkTree() throws Exception {
        assumeTrue(ShellEvaluation.installed("git").isPresent(), "git is not installed");
        Path project = project();
        Process init = new ProcessBuilder("git", "init", "-q", project.toString()).start();
        assertThat(init.waitFor()).isZero();
        Files.writeString(project.resolve(".gitignore"), "out/*\n!out/tmdb_cache/\n");

        var result = cli(project).run("init", "--gitignore", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"method\" : \"git\"").contains("\"outcome\" : \"re_included\"")
                .contains("\"pattern\" : \"!out/tmdb_cache/\"");
        assertThat(result.err()).contains("left out/tmdb_cache alone");
        assertThat(Files.readString(project.resolve(".gitignore"))).doesNotContain("/out/tmdb_cache/");
    }

    private static String normalizeJson(String json) {
        return json.replaceAll("\\s+", "");
    }
}
