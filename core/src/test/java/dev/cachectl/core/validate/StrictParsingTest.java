package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.config.ConfigLoader;
import dev.cachectl.core.config.ConfigProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not one clean JSON document: each is one clear problem with a position, never a crash. */
class StrictParsingTest {

    @TempDir
    Path temp;

    @Test
    void duplicateKeysAreRejectedAtTheSecondKey() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .write("{\n  \"cache\": {\n    \"hf_home\": \"a\",\n    \"hf_home\": \"b\"\n  }\n}\n");

        ConfigProblem problem = only(fixture.problems());

        assertThat(problem.code()).isEqualTo("CFG_DUPLICATE_KEY");
        assertThat(problem.pointer()).isEqualTo("/cache/hf_home");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("\"hf_home\"");
    }

    @Test
    void duplicateTopLevelKeysOutsideTheCacheSectionAreRejectedToo() {
        ValidationFixture fixture = new ValidationFixture(temp).write("{\"hardware\": 1, \"hardware\": 2}");

        assertThat(only(fixture.problems()).code()).isEqualTo("CFG_DUPLICATE_KEY");
    }

    @Test
    void trailingContentAfterTheDocumentIsRejected() {
        ValidationFixture fixture = new ValidationFixture(temp).write("{\"cache\": {}}\n{\"cache\": {}}\n");

        ConfigProblem problem = only(fixture.problems());

        assertThat(problem.code()).isEqualTo("CFG_SYNTAX");
        assertThat(problem.message()).contains("after the end");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void trailingGarbageIsRejected() {
        ValidationFixture fixture = new ValidationFixture(temp).write("{\"cache\": {}} x");

        assertThat(only(fixture.problems()).code()).isEqualTo("CFG_SYNTAX");
    }

    @Test
    void malformedJsonHasLineAndColumn() {
        ValidationFixture fixture = new ValidationFixture(temp).write("{\n  \"cache\": {\n    \"a\": 1\n    \"b\": 2\n");

        ConfigProblem problem = only(fixture.problems());

        assertThat(problem.code()).isEqualTo("CFG_SYNTAX");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(5);
    }

    @Test
    void anEmptyFileIsAProblemNotTheDefaults() {
        ValidationFixture fixture = new ValidationFixture(temp).write("");

        assertThat(only(fixture.problems()).code()).isEqualTo("CFG_SYNTAX");
    }

    @Test
    void aNonObjectDocumentIsATypeError() {
        ValidationFixture fixture = new ValidationFixture(temp).write("[]");

        assertThat(only(fixture.problems()).code()).isEqualTo("CFG_TYPE");
    }

    @Test
    void invalidUtf8IsRejectedWithItsPosition() {
        byte[] text = "{\n  \"cache\": {\"hf_home\": \"caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 4];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0xC3; // a lead byte followed by an ASCII quote: not UTF-8
        bytes[text.length + 1] = '"';
        bytes[text.length + 2] = '}';
        bytes[text.length + 3] = '}';
        ValidationFixture fixture = new ValidationFixture(temp).write(bytes);

        ConfigProblem problem = only(fixture.problems());

        assertThat(problem.code()).isEqualTo("CFG_ENCODING");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo("  \"cache\": {\"hf_home\": \"caf".length() + 1);
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        ValidationFixture fixture = new ValidationFixture(temp).write("\uFEFF{\"cache\": {}}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void aTenMegabyteFileIsRejectedAsTooLargeWithoutParsingIt() throws IOException {
        ValidationFixture fixture = new ValidationFixture(temp);
        try (OutputStream out = Files.newOutputStream(fixture.configFile)) {
            out.write("{\"cache\": {}, \"padding\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 160; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(fixture.configFile)).isGreaterThan(10_000_000L);

        ConfigProblem problem = only(fixture.problems());

        assertThat(problem.code()).isEqualTo("CFG_TOO_LARGE");
        assertThat(problem.message()).contains(String.valueOf(Files.size(fixture.configFile)));
    }

    @Test
    void aFileJustUnderTheCapIsParsed() {
        String padding = "x".repeat(ConfigLoader.MAX_BYTES - 100);
        ValidationFixture fixture = new ValidationFixture(temp).write("{\"cache\": {}, \"notes\": \"" + padding + "\"}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void tenThousandNestedArraysGiveOneCleanError() {
        String deep = "{\"cache\": {}, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        ValidationFixture fixture = new ValidationFixture(temp).write(deep);

        ConfigProblem problem = only(fixture.problems());

        assertThat(problem.code()).isEqualTo("CFG_TOO_DEEP");
        assertThat(problem.message()).contains(String.valueOf(ConfigLoader.MAX_NESTING));
    }

    @Test
    void nestingBelowTheCapIsFine() {
        int depth = ConfigLoader.MAX_NESTING - 2;
        String nested = "{\"cache\": {}, \"x\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        ValidationFixture fixture = new ValidationFixture(temp).write(nested);

        assertThat(fixture.problems()).isEmpty();
    }

    private static ConfigProblem only(List<ConfigProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }
}
