package dev.cachectl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The entry point: {@code main} is {@code halt(run(...))}; {@link #run(Invocation, String...)} never
 * throws and never exits, so tests run it in process with their own writers.
 */
public final class Main {

    private Main() {
    }

    /** Runs cachectl in this process and exits with its code. */
    public static void main(String[] args) {
        Invocation invocation = Invocation.ofProcess();
        int code = run(invocation, args);
        invocation.out().flush();
        invocation.err().flush();
        System.out.flush();
        System.err.flush();
        // halt, not exit: all work is done and flushed, and no shutdown hook is left to run (exec's relay
        // only matters while its child lives). System.exit would first start the JDK's logging back end to
        // log the exit (Runtime.exit's debug logger), about 25 ms of every run.
        Runtime.getRuntime().halt(code);
    }

    /** Runs one command line and returns its exit code. */
    public static int run(Invocation invocation, String... args) {
        Subcommand.warmUpFor(args);
        CommandLine commandLine = CommandLines.create(invocation, args);
        try {
            return commandLine.execute(args);
        } finally {
            invocation.out().flush();
            invocation.err().flush();
        }
    }

    /** Convenience for tests: runs with the given writers and the current process's environment. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        Invocation process = Invocation.ofProcess();
        return run(new Invocation(process.workingDirectory(), process.environment(), process.home(), out, err,
                process.in(), false), args);
    }
}
