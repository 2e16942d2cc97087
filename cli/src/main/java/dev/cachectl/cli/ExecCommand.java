package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.env.EnvironmentProblem;
import dev.cachectl.core.exec.ChildEnvironment;
import dev.cachectl.core.exec.ChildProcess;
import dev.cachectl.core.exec.CommandResolver;
import dev.cachectl.core.exec.ResolvedCommand;
import dev.cachectl.core.exec.StandardStreams;
import dev.cachectl.core.exec.VirtualEnvironment;
import dev.cachectl.core.exec.VirtualEnvironmentException;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cachectl exec}: runs one command with the cache environment (and optionally a Python venv). */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run CMD with the cache variables set (and removed) as 'cachectl env' prints them, its"
                + " stdin/stdout/stderr inherited; exits with CMD's exit code.",
                "Everything from CMD on goes to CMD: cachectl exec --venv venv/whisperx python transcribe.py"
                        + " --model large"})
final class ExecCommand implements Callable<Integer> {

    private final RootCommand root;

    @Option(names = "--venv", paramLabel = "DIR", description = "Run inside this Python virtual environment"
            + " (relative to the project root, or absolute): its bin/ (Scripts\\ on Windows) first on PATH,"
            + " VIRTUAL_ENV set, PYTHONHOME removed.")
    private String venv;

    @Parameters(index = "0", paramLabel = "CMD", description = "The command to run, found on PATH.")
    private String command;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments, passed as they are.")
    private List<String> arguments = new ArrayList<>();

    ExecCommand(RootCommand root) {
        this.root = root;
    }

    /** The command line of {@code exec}: options end at CMD, so CMD's own options are never cachectl's. */
    static CommandLine commandLine(RootCommand root) {
        return new CommandLine(new ExecCommand(root)).setStopAtPositional(true);
    }

    @Override
    public Integer call() {
        Invocation invocation = root.invocation();
        Workspace workspace = root.workspace();
        boolean windows = root.host().windows();
        Optional<VirtualEnvironment> environment = Optional.empty();
        if (venv != null) {
            try {
                environment = Optional.of(VirtualEnvironment.locate(workspace.project().root(), venv, windows));
            } catch (VirtualEnvironmentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            }
        }
        CacheEnvironment cache = CacheEnvironment.of(workspace);
        for (EnvironmentProblem problem : cache.problems()) {
            invocation.err().println("cachectl: warning: " + escape(problem.message()));
        }
        Map<String, String> childEnvironment = ChildEnvironment.compose(invocation.environment(), cache,
                environment, windows);
        ResolvedCommand resolved = CommandResolver.resolve(command, childEnvironment,
                invocation.workingDirectory(), windows);
        List<String> commandLine = new ArrayList<>();
        switch (resolved) {
            case ResolvedCommand.NotFound notFound -> throw new CliException(ExitCode.NOT_FOUND,
                    "command not found: " + command + (environment.isPresent() ? " (searched " + environment.get()
                            .scripts() + " first, then PATH)" : ""));
            case ResolvedCommand.NotExecutable refused -> throw new CliException(ExitCode.NOT_EXECUTABLE,
                    "cannot run " + refused.path() + ": " + refused.reason());
            case ResolvedCommand.Found found -> commandLine.add(found.executable().toString());
        }
        commandLine.addAll(arguments);
        StandardStreams streams = invocation.standardStreams() ? new StandardStreams.Inherit()
                : new StandardStreams.Piped(invocation.in(), invocation.out(), invocation.err());
        invocation.out().flush();
        invocation.err().flush();
        try {
            return ChildProcess.run(commandLine, childEnvironment, invocation.workingDirectory(), streams);
        } catch (IOException e) {
            throw new CliException(ExitCode.NOT_EXECUTABLE, "cannot run " + commandLine.getFirst() + ": "
                    + startFailure(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERRUPTED, "interrupted while " + command + " was running", e);
        }
    }

    /** The OS reason in words, e.g. "exec format error (is it a script without a #! line?)". */
    private static String startFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=8") || message.contains("Exec format error")) {
            return "exec format error: it is not a program this system can run (a script needs a #! line)";
        }
        if (message.contains("error=13")) {
            return "permission denied";
        }
        int reason = message.lastIndexOf("error=");
        return reason >= 0 ? message.substring(reason) : message;
    }
}
