package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SubcommandSelectionTest {

    @TempDir
    Path dir;

    private static final Set<String> ALL = Arrays.stream(Subcommand.values()).map(Subcommand::commandName)
            .collect(Collectors.toSet());

    private Set<String> built(String... args) {
        Invocation invocation = new Invocation(dir, Map.of(), dir, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new java.io.ByteArrayInputStream(new byte[0]), false);
        return CommandLines.create(invocation, args).getSubcommands().keySet();
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(built("status", "--json")).containsExactly("status");
        assertThat(built("--verbose", "clear", "models", "--dry-run")).containsExactly("clear");
        assertThat(built("exec", "--", "python", "status")).containsExactly("exec");
    }

    @Test
    void optionValuesBeforeTheCommandAreNotTakenForIt() {
        assertThat(built("--project", "status", "env")).containsExactly("env");
        assertThat(built("--project=doctor", "--plugins", "init", "doctor")).containsExactly("doctor");
    }

    @Test
    void completionBuildsTheWholeTreeItDescribes() {
        assertThat(built("completion")).isEqualTo(ALL);
    }

    @Test
    void aBareVersionBuildsNoSubcommand() {
        assertThat(built("--version")).isEmpty();
        assertThat(built("-V", "--verbose")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "bogus", "--nope", "-hV", "--", "-", "stat"})
    void anythingUncertainBuildsTheWholeTree(String arg) {
        String[] args = arg.isEmpty() ? new String[0] : new String[] {arg, "status"};
        assertThat(built(args)).isEqualTo(ALL);
        assertThat(built((String[]) null)).isEqualTo(ALL);
    }

    @Test
    void aCommandsHelpIsTheSameAsInTheWholeTree() {
        Invocation invocation = new Invocation(dir, Map.of(), dir, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new java.io.ByteArrayInputStream(new byte[0]), false);
        for (Subcommand subcommand : Subcommand.values()) {
            CommandLine alone = CommandLines.create(invocation, new String[] {subcommand.commandName(), "--help"});
            CommandLine whole = CommandLines.create(invocation);
            assertThat(alone.getSubcommands().get(subcommand.commandName()).getUsageMessage())
                    .isEqualTo(whole.getSubcommands().get(subcommand.commandName()).getUsageMessage());
        }
    }

    @Test
    void anUnknownCommandIsReportedAgainstTheWholeTree() {
        CliHarness.Result result = new CliHarness(dir, dir).run("statsu");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("'statsu'").contains("did you mean 'status'?");
    }
}
