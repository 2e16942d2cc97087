package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.HubCacheFixture;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings reach {@code status} and {@code doctor} as their finder gave them (severity, fix, path), many of
 * one kind are one line in text output, and {@code doctor --strict} fails on warnings; in process.
 */
class FindingsCommandTest {

    private static final int CORRUPTED = 700;

    @TempDir
    Path project;

    @TempDir
    Path home;

    private CliHarness cli;

    @BeforeEach
    void healthyProject() {
        FixtureFiles.writeText(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        for (String dir : new String[] {".cache/torch", ".cache/huggingface/hub", ".cache/mlx", "out/tmdb_cache",
                "out/musicbrainz_cache", "glossary/cache"}) {
            FixtureFiles.directory(project.resolve(dir));
        }
        cli = new CliHarness(project, home);
    }

    private HubCacheFixture hub() {
        return HubCacheFixture.at(project.resolve(".cache/huggingface/hub"));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aProviderInfoFindingStaysInfoWithItsFixInDoctor() {
        hub().model("org/interrupted").snapshotsFolder().incomplete("abc123", 42);

        CliHarness.Result json = cli.run("doctor", "--json");
        CliHarness.Result text = cli.run("doctor");

        assertThat(json.exitCode()).as(json.err()).isZero();
        String flat = json.out().replaceAll("\\s+", " ");
        assertThat(flat).contains("\"check\" : \"caches\", \"code\" : \"HF_INCOMPLETE_DOWNLOADS\", \"severity\" :"
                + " \"info\", \"message\" : \"huggingface: 1 interrupted download(s)")
                .contains("\"fix\" : \"download the same files again to resume them, or delete the *.incomplete"
                        + " files while no download runs\", \"provider\" : \"huggingface\", \"path\" : null")
                .contains("{ \"name\" : \"caches\", \"status\" : \"ok\" }")
                .doesNotContain("\"fix\" : \"\", \"provider\" : \"huggingface\"");
        assertThat(text.out()).contains("ok       caches", "  info HF_INCOMPLETE_DOWNLOADS: huggingface: 1",
                "    fix: download the same files again");
    }

    @Test
    void statusJsonCarriesSeverityFixAndPathNextToCodeAndMessage() {
        hub().folder("models--org--broken");

        CliHarness.Result json = cli.run("status", "huggingface", "--json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        String flat = json.out().replaceAll("\\s+", " ");
        Path broken = project.resolve(".cache/huggingface/hub/models--org--broken");
        assertThat(flat).contains("{ \"code\" : \"HF_CORRUPTED_REPO\", \"message\" : \"huggingface: hub cache entry"
                + " hub/models--org--broken ")
                .containsPattern("; fix: delete HF_HOME/hub/models--org--broken [^\"]*\", \"severity\" : \"warning\","
                        + " \"fix\" : \"delete HF_HOME/hub/models--org--broken [^\"]*\", \"provider\" :"
                        + " \"huggingface\", \"path\" : \"" + Pattern.quote(broken.toString()) + "\" }")
                .contains("\"warning_counts\" : { \"HF_CORRUPTED_REPO\" : 1 }");
    }

    @Test
    void sevenHundredCorruptedReposAreOneLineUnlessAskedForEveryOne() {
        for (int i = 0; i < CORRUPTED; i++) {
            hub().folder("models--org--broken-" + i);
        }

        CliHarness.Result text = cli.run("status");
        CliHarness.Result every = cli.run("status", "--show-warnings");
        CliHarness.Result json = cli.run("status", "--json");
        CliHarness.Result doctor = cli.run("doctor");
        CliHarness.Result doctorEvery = cli.run("doctor", "--show-warnings");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(count(text.out(), "HF_CORRUPTED_REPO")).isOne();
        assertThat(text.out()).contains("Warnings (" + CORRUPTED + "):")
                .containsPattern("(?m)^  HF_CORRUPTED_REPO x700 on huggingface: hub cache entry hub/models--org--broken-"
                        + "\\d+ .*; huggingface_hub skips it, .*; fix: delete HF_HOME/hub/models--org--broken-\\d+ .*"
                        + " \\(699 more like it; --show-warnings lists all\\)$");
        assertThat(count(every.out(), "^  HF_CORRUPTED_REPO: huggingface: hub cache entry")).isEqualTo(CORRUPTED);
        assertThat(count(json.out(), "\"code\" : \"HF_CORRUPTED_REPO\"")).isEqualTo(CORRUPTED);
        assertThat(json.out().replaceAll("\\s+", " ")).contains("\"HF_CORRUPTED_REPO\" : " + CORRUPTED);
        assertThat(count(doctor.out(), "HF_CORRUPTED_REPO")).isOne();
        assertThat(doctor.out()).contains("  warning HF_CORRUPTED_REPO x700 on huggingface: ", "    fix: delete HF_HOME/");
        assertThat(count(doctorEvery.out(), "^  warning HF_CORRUPTED_REPO: huggingface: ")).isEqualTo(CORRUPTED);
    }

    @Test
    void aFewOfOneKindAreStillListedOneByOne() {
        for (int i = 0; i < 3; i++) {
            hub().folder("models--org--broken-" + i);
        }

        CliHarness.Result text = cli.run("status");

        assertThat(count(text.out(), "^  HF_CORRUPTED_REPO: huggingface: hub cache entry")).isEqualTo(3);
        assertThat(text.out()).doesNotContain("--show-warnings");
    }

    @Test
    void strictFailsOnAWarningAndPassesWithout() {
        CliHarness.Result clean = cli.run("doctor", "--strict");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();

        FixtureFiles.write(project.resolve("shared/model-cache/old-model.bin"), 10);
        CliHarness.Result lenient = cli.run("doctor");
        CliHarness.Result strict = cli.run("doctor", "--strict");
        CliHarness.Result strictJson = cli.run("doctor", "--strict", "--json");

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("warning LEGACY_CACHE_NOT_EMPTY");
        assertThat(strict.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(strict.err()).isEqualTo("cachectl: doctor --strict found 1 warning(s); each is listed with its"
                + " fix\n");
        assertThat(strictJson.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(strictJson.out()).contains("\"warnings\" : 1");
    }

    @Test
    void strictIgnoresInformation() {
        hub().model("org/interrupted").snapshotsFolder().incomplete("abc123", 42);

        CliHarness.Result strict = cli.run("doctor", "--strict");

        assertThat(strict.exitCode()).as(strict.out() + strict.err()).isZero();
        assertThat(strict.out()).contains("info HF_INCOMPLETE_DOWNLOADS");
    }
}
