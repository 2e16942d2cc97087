package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.env.EnvironmentProblem;
import dev.cachectl.core.env.EnvironmentScript;
import dev.cachectl.core.env.ShellDetection;
import dev.cachectl.core.env.ShellDialect;
import dev.cachectl.core.env.UnrepresentableValueException;
import dev.cachectl.core.workspace.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code cachectl env}: prints the cache variables of every provider for a shell to evaluate. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Print the cache environment variables of every provider (assignments, then removals).",
                "bash/zsh: eval \"$(cachectl env)\"   fish: cachectl env | source",
                "PowerShell: cachectl env --shell powershell | Out-String | Invoke-Expression"})
final class EnvCommand implements Callable<Integer> {

    private final RootCommand root;

    @Option(names = "--shell", paramLabel = "SHELL", converter = DialectConverter.class,
            completionCandidates = DialectNames.class,
            description = "One of: ${COMPLETION-CANDIDATES} (default: detected from $SHELL; on Windows"
                    + " PowerShell or cmd).")
    private ShellDialect shell;

    @Option(names = "--json", description = "Same as --shell json: {\"schema_version\":1,\"set\":{},\"unset\":[]}.")
    private boolean json;

    EnvCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        PrintWriter err = root.invocation().err();
        if (json && shell != null && shell != ShellDialect.JSON) {
            throw new CliException(ExitCode.USAGE, "--json and --shell " + shell.id() + " contradict each other;"
                    + " give one of them");
        }
        ShellDialect dialect = json ? ShellDialect.JSON : shell;
        if (dialect == null) {
            ShellDetection detection = ShellDetection.detect(root.host());
            detection.note().ifPresent(note -> err.println("cachectl: " + escape(note)));
            dialect = detection.dialect();
        }
        Workspace workspace = root.workspace();
        if (workspace.config().source() == ConfigSource.DEFAULTS) {
            err.println("cachectl: no " + escape(workspace.project().configFile()) + "; using the built-in defaults (run"
                    + " 'cachectl init' to write them)");
        }
        // One provider's unwritable value leaves out that provider's variables, not everybody's.
        CacheEnvironment environment = CacheEnvironment.of(workspace).forDialect(dialect);
        String script;
        try {
            script = EnvironmentScript.render(environment, dialect);
        } catch (UnrepresentableValueException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        for (EnvironmentProblem problem : environment.problems()) {
            err.println("cachectl: warning: " + escape(problem.message()));
        }
        root.invocation().out().print(script);
        return environment.problems().isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
    }

    /** Accepts the dialect names and aliases of {@link ShellDialect#parse}. */
    static final class DialectConverter implements ITypeConverter<ShellDialect> {
        @Override
        public ShellDialect convert(String value) {
            return ShellDialect.parse(value).orElseThrow(() -> new TypeConversionException("unknown shell '" + value
                    + "'; use one of " + String.join(", ", new DialectNames())));
        }
    }

    /** The names listed in help and completion. */
    static final class DialectNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ShellDialect.values()).map(ShellDialect::id).iterator();
        }
    }
}
