package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The help of the commands a new user reaches first: whole sentences per line, and examples to copy. */
class HelpTextTest {

    /** picocli's usage width. */
    private static final int WIDTH = 80;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"status", "clear", "migrate", "doctor"})
    void helpEndsWithExamplesOfTheCommandItself(String command) {
        var result = new CliHarness(temp, temp).run(command, "--help");
        assertThat(result.exitCode()).isZero();
        String examples = result.out().substring(result.out().indexOf("\nExamples:\n"));
        assertThat(examples.lines().skip(2)).isNotEmpty().allSatisfy(line ->
                assertThat(line).startsWith("  cachectl " + command));
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WIDTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "clear", "migrate", "doctor"})
    void everyDescriptionLineIsOneWholeSentenceThatPicocliDoesNotWrap(String command) {
        CommandLine tree = CommandLines.create(new Invocation(temp, Map.of(), temp, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()), InputStream.nullInputStream(), false));
        String[] description = tree.getSubcommands().get(command).getCommandSpec().usageMessage().description();
        assertThat(description).isNotEmpty().allSatisfy(line -> {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(WIDTH);
            assertThat(line).as(line).matches("[A-Z].*\\.");
        });
    }
}
