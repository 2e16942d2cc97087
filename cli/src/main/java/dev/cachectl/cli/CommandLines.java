package dev.cachectl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Builds the picocli command tree and maps every failure to one stderr line and an exit code. */
final class CommandLines {

    private CommandLines() {
    }

    static CommandLine create(Invocation invocation) {
        RootCommand root = new RootCommand(invocation);
        CommandLine commandLine = new CommandLine(root);
        commandLine.addSubcommand(new ProvidersCommand(root));
        commandLine.addSubcommand(new EnvCommand(root));
        commandLine.addSubcommand(new InitCommand(root));
        commandLine.addSubcommand(ExecCommand.commandLine(root));
        commandLine.addSubcommand(new ValidateCommand(root));
        commandLine.addSubcommand(new SchemaCommand(root));
        commandLine.addSubcommand(new StatusCommand(root));
        commandLine.addSubcommand(new ClearCommand(root));
        commandLine.addSubcommand(new DoctorCommand(root));
        commandLine.addSubcommand(new MigrateCommand(root));
        // picocli's own generator: a bash script (zsh loads it through bashcompinit) covering every command.
        commandLine.addSubcommand("completion", new picocli.AutoComplete.GenerateCompletion());
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
            err.println("cachectl: " + cli.getMessage());
            if (verbose && cli.getCause() != null) {
                cli.getCause().printStackTrace(err);
            }
            return cli.exitCode();
        }
        err.println("cachectl: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCode.PROBLEM;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("cachectl: " + e.getMessage() + " (see '" + commandLine.getCommandSpec().qualifiedName()
                + " --help')");
        return ExitCode.USAGE;
    }

    /** A stack trace as text, for --verbose output. */
    static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
