package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.HubCacheFixture;
import dev.cachectl.testkit.HubRepoFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachectl migrate} in process: confirmation, dry run, JSON, usage errors, and env afterwards. */
class MigrateCommandTest {

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
        HubRepoFixture repo = HubCacheFixture.at(xdg.resolve("huggingface/hub")).cacheDirTag()
                .model("openai/whisper-tiny");
        repo.blob(FixtureFiles.sha1("config"), 120).link(FixtureFiles.sha1("c1"), "config.json",
                FixtureFiles.sha1("config")).ref("main", FixtureFiles.sha1("c1"));
        FixtureFiles.write(xdg.resolve("torch/hub/checkpoints/resnet18.pth"), 4096);
    }

    private CliHarness cli() {
        return new CliHarness(project, temp.resolve("home")).env("XDG_CACHE_HOME", xdg.toString());
    }

    @Test
    void withoutATerminalItNeedsYesAndChangesNothing() {
        CliHarness.Result result = cli().run("migrate");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--yes");
        assertThat(result.out()).contains("Migration plan").contains("models--openai--whisper-tiny");
        assertThat(xdg.resolve("torch/hub/checkpoints/resnet18.pth")).exists();
        assertThat(project.resolve(".cache")).doesNotExist();
    }

    @Test
    void providersAreChosenAsStatusAndClearChooseThem() {
        CliHarness.Result unknown = cli().run("migrate", "bogus", "--dry-run");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown provider 'bogus'").contains("or a group: models, app, all");

        CliHarness.Result models = cli().run("migrate", "models", "--dry-run");
        assertThat(models.exitCode()).as(models.err()).isZero();
        assertThat(models.out()).contains("models--openai--whisper-tiny");
    }

    @Test
    void onATerminalItAsksAndNoMeansNothingChanges() {
        CliHarness.Result declined = cli().interactive(true).stdin("n\n").run("migrate");
        assertThat(declined.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(declined.err()).contains("[y/N]").contains("nothing was changed");
        assertThat(project.resolve(".cache")).doesNotExist();

        CliHarness.Result accepted = cli().interactive(true).stdin("y\n").run("migrate");
        assertThat(accepted.exitCode()).as(accepted.err()).isEqualTo(ExitCode.OK);
        assertThat(project.resolve(".cache/torch/hub/checkpoints/resnet18.pth")).hasSize(4096);
        assertThat(xdg.resolve("torch")).doesNotExist();
        assertThat(xdg.resolve("huggingface/hub")).doesNotExist();
    }

    @Test
    void theDryRunPlanIsExactlyWhatTheRealRunDoes() throws Exception {
        CliHarness.Result dry = cli().run("migrate", "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(xdg.resolve("torch")).exists();

        CliHarness.Result real = cli().run("migrate", "--yes", "--json");
        assertThat(real.exitCode()).as(real.err()).isZero();

        assertThat(dry.out()).contains("\"schema_version\" : 1").contains("\"dry_run\" : true")
                .contains("\"result\" : null");
        // The same entries, paths, actions and sizes: only the outcome of each differs.
        assertThat(sourcesWithoutOutcomes(real.out())).isEqualTo(sourcesWithoutOutcomes(dry.out()));
        assertThat(real.out()).doesNotContain("\"outcome\" : null").contains("\"outcome\" : \"done\"")
                .doesNotContain("\"outcome\" : \"failed\"").contains("\"complete\" : true");
        assertThat(real.out().lines().filter(l -> l.contains("\"outcome\" : \"done\"")).count()).isEqualTo(
                dry.out().lines().filter(l -> l.contains("\"outcome\" : null")).count());

        CliHarness.Result again = cli().run("migrate", "--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to migrate");
    }

    /** The {@code sources} part of a JSON document, without the per-entry outcome lines. */
    private static List<String> sourcesWithoutOutcomes(String json) {
        String sources = json.substring(json.indexOf("\"sources\""), json.indexOf("\"skipped\""));
        return sources.lines().filter(l -> !l.contains("\"outcome\"") && !l.contains("\"message\""))
                .map(l -> l.replace(",", "")).toList();
    }

    @Test
    void envPointsEveryLibraryAtTheMigratedData() throws Exception {
        assertThat(cli().run("migrate", "--yes").exitCode()).isZero();

        String env = cli().run("env", "--shell", "json").out();
        Path hub = project.resolve(".cache/huggingface/hub").toAbsolutePath();
        assertThat(env).contains("\"HF_HUB_CACHE\" : \"" + hub + "\"")
                .contains("\"TRANSFORMERS_CACHE\" : \"" + hub + "\"")
                .contains("\"TORCH_HOME\" : \"" + project.resolve(".cache/torch").toAbsolutePath() + "\"");
        assertThat(hub.resolve("models--openai--whisper-tiny/refs/main")).hasContent(FixtureFiles.sha1("c1"));
        assertThat(hub.resolve("models--openai--whisper-tiny/snapshots").resolve(FixtureFiles.sha1("c1"))
                .resolve("config.json")).hasSize(120);
        assertThat(project.resolve(".cache/torch/hub/checkpoints/resnet18.pth")).exists();
    }

    @Test
    void afterTheMigrationStatusNoLongerWarnsAboutOutsideLegacyOrMisplacedCaches() throws Exception {
        FixtureFiles.write(project.resolve("shared/model-cache/checkpoints/old.pth"), 2048);
        HubCacheFixture.at(project.resolve(".cache/huggingface")).model("org/misplaced").blob("b", 10);
        String before = cli().run("status", "--json").out();
        assertThat(before).contains("OUTSIDE_CACHE").contains("LEGACY_CACHE_NOT_EMPTY")
                .contains("HF_TRANSFORMERS_LAYOUT");

        CliHarness.Result migrated = cli().run("migrate", "--yes");
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();

        String after = cli().run("status", "--json").out();
        assertThat(after).doesNotContain("OUTSIDE_CACHE").doesNotContain("LEGACY_CACHE_NOT_EMPTY")
                .doesNotContain("HF_TRANSFORMERS_LAYOUT");
        assertThat(project.resolve(".cache/torch/hub/checkpoints/old.pth")).hasSize(2048);
        assertThat(project.resolve(".cache/huggingface/hub/models--org--misplaced/blobs/b")).hasSize(10);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli().run("migrate", "--from", xdg.toString()).err()).contains("exactly one PROVIDER");
        assertThat(cli().run("migrate", "nosuch").exitCode()).isEqualTo(ExitCode.USAGE);
        CliHarness.Result missing = cli().run("migrate", "torch", "--from", temp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("not a directory");
    }

    @Test
    void fromMigratesOneFolderIntoTheNamedProvider() throws Exception {
        Path old = temp.resolve("old-models");
        HubCacheFixture.at(old).model("org/m").blob("b", 10);

        CliHarness.Result result = cli().run("migrate", "huggingface", "--from", old.toString(), "--yes");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(project.resolve(".cache/huggingface/hub/models--org--m/blobs/b")).hasSize(10);
        assertThat(old).doesNotExist();
        // Only --from was migrated: the outside locations are untouched.
        assertThat(xdg.resolve("torch/hub/checkpoints/resnet18.pth")).exists();
    }
}
