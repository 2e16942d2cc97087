package dev.cachectl.cli;

/**
 * Every exit code cachectl returns, in one place (documented in docs/exit-codes.md).
 */
public final class ExitCode {

    /** The command did what was asked and found nothing wrong. */
    public static final int OK = 0;
    /** The command found or hit a problem: an invalid config, a failed check, a partial failure. */
    public static final int PROBLEM = 1;
    /** Usage error or unusable input: bad options, an unreadable or unusable config, a refused prompt. */
    public static final int USAGE = 2;
    /** {@code exec}: the command exists but cannot be run. */
    public static final int NOT_EXECUTABLE = 126;
    /** {@code exec}: the command was not found. */
    public static final int NOT_FOUND = 127;
    /** Interrupted by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
