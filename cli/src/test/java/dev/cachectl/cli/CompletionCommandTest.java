package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cachectl completion}: bash, zsh and fish scripts that complete commands, targets and provider ids. */
class CompletionCommandTest {

    private static final List<String> TARGETS = List.of("models", "app", "all", "torch", "huggingface", "mlx", "tmdb",
            "musicbrainz", "glossary");

    @TempDir
    Path temp;

    private CliHarness.Result run(String... args) {
        var result = new CliHarness(temp, temp).run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    @Test
    void theBashScriptHoldsTheClearTargetsProviderIdsAndLowerCaseValues() {
        String script = run("completion").out();
        assertThat(script).isEqualTo(run("completion", "bash").out()).isEqualTo(run("completion", "zsh").out());
        assertThat(script).contains("function _complete_cachectl()")
                .contains("TARGET_pos_param_args=(" + quoted(TARGETS.subList(0, 3)))
                .contains("\"text\" \"json\" \"github\"")
                .doesNotContain("\"TEXT\"", "\"JSON\"", "\"GITHUB\"", "generate-completion");
        for (String target : TARGETS) {
            assertThat(script).contains("\"" + target + "\"");
        }
    }

    @Test
    void everyCompletionCandidateOfEveryCommandIsLowerCase() {
        CommandLine tree = CommandLines.create(new Invocation(temp, Map.of(), temp, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()), InputStream.nullInputStream(), false));
        List<String> candidates = new ArrayList<>();
        collect(tree.getCommandSpec(), candidates);
        assertThat(candidates).contains("clear TARGET: models", "validate --format: text", "completion SHELL: fish")
                .allSatisfy(c -> assertThat(c.substring(c.indexOf(": ")))
                        .isEqualTo(c.substring(c.indexOf(": ")).toLowerCase(Locale.ROOT)));
    }

    @Test
    void helpNamesOnlyCommandsThatExist() {
        String help = run("completion", "--help").out();
        assertThat(help).contains("Usage: cachectl completion").contains("Examples:").contains("fish")
                .doesNotContain("generate-completion");
        Matcher commands = Pattern.compile("cachectl ([a-z-]+)").matcher(help);
        while (commands.find()) {
            assertThat(Subcommand.named(commands.group(1))).as(commands.group()).isNotNull();
        }
    }

    @Test
    void bashReallyCompletesClearTargetsAndStatusProviders() throws Exception {
        assumeTrue(ShellEvaluation.installed("bash").isPresent(), "bash is not installed");
        Path script = Files.writeString(temp.resolve("cachectl.bash"), run("completion").out());
        String probe = "source " + script + " 2>/dev/null; compopt() { :; }\n"
                + "COMP_WORDS=(cachectl clear \"\"); COMP_CWORD=2; COMP_LINE='cachectl clear '; _complete_cachectl;"
                + " echo \"${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(cachectl status hu); COMP_CWORD=2; COMP_LINE='cachectl status hu'; _complete_cachectl;"
                + " echo \"${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(cachectl validate --format \"\"); COMP_CWORD=3;"
                + " COMP_LINE='cachectl validate --format '; _complete_cachectl; echo \"${COMPREPLY[*]}\"\n";
        List<String> lines = shell("bash", "-c", probe).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(List.of(lines.get(0).split(" "))).containsExactlyInAnyOrderElementsOf(TARGETS);
        assertThat(lines.get(1)).isEqualTo("huggingface");
        assertThat(lines.get(2)).isEqualTo("text json github");
    }

    @Test
    void fishScriptParsesAndCompletesClearTargetsAndNestedCommands() throws Exception {
        if (ShellEvaluation.installed("fish").isEmpty()) {
            System.err.println("CompletionCommandTest: fish is not installed (apt-get install fish); the fish"
                    + " script is NOT checked");
        }
        assumeTrue(ShellEvaluation.installed("fish").isPresent(), "fish is not installed: the fish script is"
                + " not checked");
        Path script = Files.writeString(temp.resolve("cachectl.fish"), run("completion", "fish").out());
        assertThat(shell("fish", "-n", script.toString())).isEmpty();
        String targets = shell("fish", "-c", "source " + script + "; complete -C 'cachectl clear '");
        assertThat(targets.lines().map(line -> line.split("\t")[0]).toList())
                .containsExactlyInAnyOrderElementsOf(TARGETS);
        String nested = shell("fish", "-c", "source " + script + "; complete -C 'cachectl --project /tmp plugins '");
        assertThat(nested.lines().map(line -> line.split("\t")[0]).toList()).containsExactly("trust", "untrust");
        String formats = shell("fish", "-c", "source " + script + "; complete -C 'cachectl validate --format '");
        assertThat(formats.lines().map(line -> line.split("\t")[0]).toList())
                .containsExactlyInAnyOrder("text", "json", "github");
    }

    @Test
    void anUnknownShellIsAUsageErrorNamingTheShells() {
        var result = new CliHarness(temp, temp).run("completion", "tcsh");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("tcsh");
    }

    private static void collect(CommandSpec spec, List<String> into) {
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            if (arg.completionCandidates() != null) {
                String label = spec.qualifiedName().replaceFirst("^cachectl ?", "") + " "
                        + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel());
                arg.completionCandidates().forEach(c -> into.add(label.strip() + ": " + c));
            }
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), into));
    }

    private static String quoted(List<String> words) {
        return String.join(" ", words.stream().map(w -> "\"" + w + "\"").toList());
    }

    private String shell(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
