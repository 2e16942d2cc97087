package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachectl validate} in process: the three formats and exit codes 0, 1 and 2. */
class ValidateCommandTest {

    private static final String SEED = """
            { "cache": {
                "base_dir": ".cache",
                "torch_home": ".cache/torch",
                "hf_home": ".cache/huggingface",
                "mlx_home": ".cache/mlx",
                "application_caches": {
                  "tmdb": "out/tmdb_cache",
                  "musicbrainz": "out/musicbrainz_cache",
                  "glossary": "glossary/cache" } } }
            """;

    private static final String ROOT_CACHE = """
            {
              "cache": {
                "torch_home": "/"
              }
            }
            """;

    @TempDir
    Path temp;

    Path project;
    Path home;
    Path config;

    @BeforeEach
    void createProject() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        home = Files.createDirectories(temp.resolve("home"));
        config = project.resolve("config/hardware_cache.json");
        Files.createDirectories(config.getParent());
    }

    @Test
    void aValidConfigExitsZeroAndSaysSo() throws IOException {
        Files.writeString(config, SEED);

        CliHarness.Result run = new CliHarness(project, home).run("validate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("config/hardware_cache.json: valid" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theConfigIsFoundFromASubfolder() throws IOException {
        Files.writeString(config, ROOT_CACHE);
        Path sub = Files.createDirectories(project.resolve("src/stage"));

        CliHarness.Result run = new CliHarness(sub, home).run("validate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out()).contains(config.toString() + ":3:19: CFG_FILESYSTEM_ROOT");
    }

    @Test
    void textFormatPrintsOneCompilerStyleLinePerErrorAndASummary() throws IOException {
        Files.writeString(config, ROOT_CACHE);

        CliHarness.Result run = new CliHarness(project, home).run("validate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out().lines().toList()).hasSize(2);
        assertThat(run.out()).startsWith("config/hardware_cache.json:3:19: CFG_FILESYSTEM_ROOT cache.torch_home")
                .contains("(at /cache/torch_home)")
                .contains("config/hardware_cache.json: invalid, 1 error");
        assertThat(run.err()).contains("invalid");
    }

    @Test
    void jsonFormatIsTheDocumentedContract() throws IOException {
        Files.writeString(config, ROOT_CACHE);

        CliHarness.Result run = new CliHarness(project, home).run("validate", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out()).contains("\"schema_version\" : 1", "\"file\" : \"config/hardware_cache.json\"",
                "\"source\" : \"file\"", "\"valid\" : false", "\"code\" : \"CFG_FILESYSTEM_ROOT\"",
                "\"pointer\" : \"/cache/torch_home\"", "\"line\" : 3", "\"column\" : 19", "\"message\" : ");
        assertThat(new CliHarness(project, home).run("validate", "--json").out()).isEqualTo(run.out());
    }

    @Test
    void githubFormatPrintsWorkflowCommands() throws IOException {
        Files.writeString(config, ROOT_CACHE);

        CliHarness.Result run = new CliHarness(project, home).run("validate", "--format", "github");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out()).startsWith("::error file=config/hardware_cache.json,line=3,col=19,"
                + "title=CFG_FILESYSTEM_ROOT::cache.torch_home (\"/\") is the root of the file system");
    }

    @Test
    void githubFormatEscapesPropertiesAndData() throws IOException {
        Path odd = Files.createDirectories(project.resolve("odd,dir:1")).resolve("c.json");
        // "/%<newline>/.." normalises to "/": an error whose message quotes a '%' and a line break; the line break
        // is escaped as for a terminal (the log shows it), then '%' is encoded for the runner.
        Files.writeString(odd, "{\"cache\": {\"torch_home\": \"/%\\n/..\"}}");

        CliHarness.Result run = new CliHarness(project, home)
                .run("validate", "--format", "github", "odd,dir:1/c.json");

        String annotation = run.out().lines().findFirst().orElseThrow();
        assertThat(annotation).startsWith("::error file=odd%2Cdir%3A1/c.json,line=1,col=26,"
                + "title=CFG_UNEXPORTABLE_PATH::cache.torch_home (\"/%25\\n/..\")");
    }

    @Test
    void malformedJsonIsInvalidWithLineAndColumn() throws IOException {
        Files.writeString(config, "{\n  \"cache\": {\n    \"a\": 1\n    \"b\": 2 }}");

        CliHarness.Result run = new CliHarness(project, home).run("validate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out()).startsWith("config/hardware_cache.json:4:5: CFG_SYNTAX malformed JSON");
    }

    @Test
    void withoutAConfigTheDefaultsAreValidAndTheOutputSaysSo() {
        CliHarness.Result text = new CliHarness(project, home).run("validate");
        CliHarness.Result json = new CliHarness(project, home).run("validate", "--format", "json");

        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("built-in defaults");
        assertThat(json.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(json.out()).contains("\"source\" : \"defaults\"", "\"valid\" : true", "\"errors\" : [ ]");
    }

    @Test
    void anExplicitFileIsValidatedAsTheConfigOfTheFolderAboveItsConfigFolder() throws IOException {
        Path other = temp.resolve("other/config/hardware_cache.json");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "{\"cache\": {\"hf_home\": \".\"}}");

        CliHarness.Result run = new CliHarness(project, home).run("validate", other.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out()).contains(other + ":1:23: CFG_PROJECT_ROOT")
                .contains("(" + temp.resolve("other") + ")");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliHarness.Result run = new CliHarness(project, home).run("validate", "nope.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nope.json does not exist");
    }

    @Test
    void aDirectoryIsAUsageError() {
        CliHarness.Result run = new CliHarness(project, home).run("validate", "config");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void anUnreadableFileIsAUsageError() throws IOException {
        Files.writeString(config, SEED);
        assumeTrue(Files.getFileStore(config).supportsFileAttributeView("posix"), "needs POSIX permissions");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(config), "running as root: a chmod 000 file stays readable");

            CliHarness.Result run = new CliHarness(project, home).run("validate", "config/hardware_cache.json");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliHarness.Result run = new CliHarness(project, home).run("validate", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--format");
    }

    @Test
    void theProjectOptionChoosesTheProject() throws IOException {
        Files.writeString(config, ROOT_CACHE);

        CliHarness.Result run = new CliHarness(temp, home).run("--project", "project", "validate", "--format", "github");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(run.out()).startsWith("::error file=project/config/hardware_cache.json,line=3,col=19");
    }
}
