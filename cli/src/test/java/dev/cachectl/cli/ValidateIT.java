package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built launcher validates every example config of schemas/examples as the config of a real project:
 * the schema resource, networknt and Jackson on the real module path, not the test's.
 */
class ValidateIT {

    static final Path EXAMPLES = Path.of("").toAbsolutePath().resolveSibling("schemas").resolve("examples");

    @TempDir
    Path project;

    static Stream<String> invalidExamples() throws IOException {
        return expectedCodes().stringPropertyNames().stream().sorted();
    }

    @Test
    void theSeedConfigIsValid() throws Exception {
        install(EXAMPLES.resolve("valid/seed.json"));

        ProcessResult result = DistributionIT.cachectl(project, "validate");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("config/hardware_cache.json: valid" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void eachInvalidExampleIsRejectedWithPositionPointerAndCode(String example) throws Exception {
        install(EXAMPLES.resolve("invalid").resolve(example));
        String code = expectedCodes().getProperty(example);

        ProcessResult result = DistributionIT.cachectl(project, "validate");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out().lines().findFirst().orElseThrow())
                .matches("config/hardware_cache\\.json:[1-9][0-9]*:[1-9][0-9]*: " + code + " .*");
        assertThat(result.err()).contains("invalid");
    }

    @Test
    void githubFormatAnnotatesTheFile() throws Exception {
        install(EXAMPLES.resolve("invalid/filesystem-root.json"));

        ProcessResult result = DistributionIT.cachectl(project, "validate", "--format", "github");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).startsWith("::error file=config/hardware_cache.json,line=3,col=19,"
                + "title=CFG_FILESYSTEM_ROOT::");
    }

    @Test
    void schemaPrintsTheShippedSchema() throws Exception {
        ProcessResult result = DistributionIT.cachectl(project, "schema");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip())
                .isEqualTo(Files.readString(EXAMPLES.resolveSibling("hardware_cache.schema.json")).strip());
    }

    private void install(Path example) throws IOException {
        Path config = project.resolve("config/hardware_cache.json");
        Files.createDirectories(config.getParent());
        Files.copy(example, config);
    }

    private static Properties expectedCodes() throws IOException {
        Properties codes = new Properties();
        try (Reader in = Files.newBufferedReader(EXAMPLES.resolve("invalid/expected-codes.properties"),
                StandardCharsets.UTF_8)) {
            codes.load(in);
        }
        return codes;
    }
}
