package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.log.DebugLog;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The entry point: {@code main} is {@code System.exit(run(...))}; {@link #run(Invocation, String...)} never
 * throws and never exits, so tests run it in process with their own writers.
 */
public final class Main {

    private Main() {
    }

    /** Runs cachectl in this process and exits with its code. */
    public static void main(String[] args) {
        Invocation invocation = Invocation.ofProcess();
        InterruptNotice notice = InterruptNotice.install(System.err, invocation.interactive());
        int code = run(invocation, notice, args);
        notice.disarm();
        invocation.out().flush();
        invocation.err().flush();
        // System.exit, not halt: halt would save a few ms (exit logs itself through System.Logger first) but
        // skip the shutdown hooks that diagnostics rely on, e.g. a JFR recording given in CACHECTL_JAVA_OPTS.
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    public static int run(Invocation invocation, String... args) {
        return run(invocation, InterruptNotice.NONE, args);
    }

    private static int run(Invocation invocation, InterruptNotice notice, String... args) {
        DebugLog.configureBackend(); // before the warm-up, whose libraries may make the process's first logger
        Subcommand.warmUpFor(args);
        CommandLine commandLine = CommandLines.create(invocation, args);
        commandLine.setExecutionStrategy(parsed -> execute(parsed, notice));
        int code;
        try {
            code = commandLine.execute(args);
        } finally {
            invocation.err().flush();
        }
        // Results that did not reach stdout (a full disk, a closed pipe) must not look like a success.
        Optional<String> writeError = ResultWriter.writeError(invocation.out());
        if (writeError.isPresent()) {
            invocation.err().println("cachectl: cannot write the output: " + escape(writeError.get()));
            invocation.err().flush();
            return ExitCode.OUTPUT_ERROR;
        }
        return code;
    }

    /**
     * Runs the parsed command: with debug lines on for {@code --verbose}, and for {@code exec} without the
     * interrupt notice (its child owns Ctrl-C).
     */
    private static int execute(CommandLine.ParseResult parsed, InterruptNotice notice) {
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub != null && sub.commandSpec().name().equals(Subcommand.EXEC.commandName())) {
            notice.disarm();
        }
        boolean verbose = parsed.commandSpec().userObject() instanceof RootCommand root && root.verbose();
        try (DebugLog.Session debug = DebugLog.enable(verbose)) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** Convenience for tests: runs with the given writers and the current process's environment. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        Invocation process = Invocation.ofProcess();
        return run(new Invocation(process.workingDirectory(), process.environment(), process.home(), out, err,
                process.in(), false), args);
    }
}
