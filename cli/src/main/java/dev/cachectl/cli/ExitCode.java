package dev.cachectl.cli;

/**
 * Every exit code cachectl returns, in one place (documented in docs/exit-codes.md).
 */
public final class ExitCode {

    /** The command did what was asked and found nothing wrong. */
    public static final int OK = 0;
    /** The command found or hit a problem (an invalid config, a failed check, a partial failure), or was declined. */
    public static final int PROBLEM = 1;
    /** Usage error or unusable input: bad options, an unreadable or unusable config, no terminal to confirm on. */
    public static final int USAGE = 2;
    /**
     * The results could not be written to stdout (a full disk, a closed pipe): whatever the command did, its
     * report is missing or cut short. Not 1, so that a script that reads the report of a command exiting 1
     * (doctor's findings, clear's errors) never reads a truncated one. 74 is {@code EX_IOERR} of sysexits.h.
     */
    public static final int OUTPUT_ERROR = 74;
    /** {@code exec}: the command exists but cannot be run. */
    public static final int NOT_EXECUTABLE = 126;
    /** {@code exec}: the command was not found. */
    public static final int NOT_FOUND = 127;
    /** Interrupted by Ctrl-C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
