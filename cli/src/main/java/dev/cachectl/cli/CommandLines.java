package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine;

/** Builds the picocli command tree and maps every failure to one stderr line and an exit code. */
final class CommandLines {

    private CommandLines() {
    }

    /** The whole command tree, as completion scripts and the top-level help need it. */
    static CommandLine create(Invocation invocation) {
        return create(invocation, null);
    }

    /**
     * The command tree for one command line: the root plus only the subcommands {@code args} can reach. Picocli
     * builds each command's model by reflection over its annotations, which costs more start-up time than
     * anything else in a short command, so a run that names a subcommand builds only that one, and a bare
     * {@code --version} none. Anything else (top-level help, an unknown or missing command) gets all of them,
     * so its help and its errors are the full tree's.
     */
    static CommandLine create(Invocation invocation, String[] args) {
        RootCommand root = new RootCommand(invocation);
        CommandLine commandLine = new CommandLine(root);
        Set<Subcommand> needed = args == null ? EnumSet.allOf(Subcommand.class)
                : SubcommandSelection.reachable(commandLine.getCommandSpec(), args);
        for (Subcommand subcommand : needed) { // EnumSet iterates in declaration order, the help's order
            subcommand.addTo(commandLine, root);
        }
        commandLine.setOut(invocation.out());
        commandLine.setErr(invocation.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(CommandLines::handleException);
        commandLine.setParameterExceptionHandler(CommandLines::handleUsageError);
        return commandLine;
    }

    private static int handleException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = commandLine.getCommandSpec().root().userObject() instanceof RootCommand root
                && root.verbose();
        if (e instanceof CliException cli) {
            err.println("cachectl: " + escape(cli.getMessage()));
            if (verbose && cli.getCause() != null) {
                printStackTrace(err, cli.getCause());
            }
            return cli.exitCode();
        }
        err.println("cachectl: internal error: " + escape(e) + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            printStackTrace(err, e);
        }
        return ExitCode.PROBLEM;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String suggestion = "";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            // picocli ranks by similarity and offers up to three; the runners-up are rarely what was meant
            suggestion = "; did you mean '" + unmatched.getSuggestions().getFirst() + "'?";
        }
        err.println("cachectl: " + escape(e.getMessage() + suggestion) + " (see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return ExitCode.USAGE;
    }

    /** A stack trace for --verbose, each line escaped: its messages may hold file names. */
    private static void printStackTrace(PrintWriter err, Throwable t) {
        // Frames start with a tab, kept as spaces; a file name's own tab shows as spaces too.
        stackTrace(t).lines().forEach(line -> err.println(escape(line.replace("\t", "    "))));
    }

    /** A stack trace as text, for --verbose output. */
    static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
