package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.config.ConfigProblem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example config shipped beside the schema, copied into a real project and validated. */
class ExampleConfigsTest {

    /** schemas/examples, seen from core's folder (surefire runs in the module's base directory). */
    static final Path EXAMPLES = Path.of("").toAbsolutePath().resolveSibling("schemas").resolve("examples");

    @TempDir
    Path temp;

    static Stream<Path> validExamples() throws IOException {
        return list(EXAMPLES.resolve("valid"));
    }

    static Stream<Path> invalidExamples() throws IOException {
        return list(EXAMPLES.resolve("invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExamplesHaveNoProblems(Path example) throws IOException {
        ValidationFixture fixture = new ValidationFixture(temp).write(Files.readAllBytes(example));

        assertThat(fixture.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExamplesReportTheirExpectedCodeFirstWithAPosition(Path example) throws IOException {
        String expected = expectedCodes().getProperty(example.getFileName().toString());
        ValidationFixture fixture = new ValidationFixture(temp).write(Files.readAllBytes(example));

        List<ConfigProblem> problems = fixture.problems();

        assertThat(expected).as("expected-codes.properties lists %s", example.getFileName()).isNotNull();
        assertThat(problems).isNotEmpty();
        ConfigProblem first = problems.getFirst();
        assertThat(first.code()).isEqualTo(expected);
        assertThat(first.line()).isPositive();
        assertThat(first.column()).isPositive();
        assertThat(first.file()).isEqualTo(fixture.configFile);
        assertThat(first.message()).isNotBlank();
    }

    @Test
    void everyExpectedCodeHasAnExample() throws IOException {
        for (String file : expectedCodes().stringPropertyNames()) {
            assertThat(EXAMPLES.resolve("invalid").resolve(file)).isRegularFile();
        }
        assertThat(invalidExamples()).hasSize(expectedCodes().size());
        assertThat(validExamples()).isNotEmpty();
    }

    private static Properties expectedCodes() throws IOException {
        Properties codes = new Properties();
        try (Reader in = Files.newBufferedReader(EXAMPLES.resolve("invalid/expected-codes.properties"),
                StandardCharsets.UTF_8)) {
            codes.load(in);
        }
        return codes;
    }

    private static Stream<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        }
    }
}
