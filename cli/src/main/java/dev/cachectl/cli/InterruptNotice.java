package dev.cachectl.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The line a run cut short by Ctrl-C (or SIGTERM, SIGHUP) leaves on stderr: without it the shell shows only
 * exit code 130 and the user cannot tell what state the caches are in. A shutdown hook prints it unless the
 * run had finished, or it is {@code exec}, whose child owns Ctrl-C and its own messages. Only the real process
 * installs one ({@link Main#main}); in-process runs use {@link #NONE}.
 */
final class InterruptNotice {

    /** What the line says: deletions and moves are done entry by entry, and a second run finishes the job. */
    static final String MESSAGE = "cachectl: interrupted; what was already deleted or moved stays so, run the"
            + " command again to finish";

    /** For in-process runs: no hook, nothing printed. */
    static final InterruptNotice NONE = new InterruptNotice(null, false);

    private final PrintStream err;
    private final boolean terminal;
    private final AtomicBoolean armed = new AtomicBoolean(true);

    private InterruptNotice(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A notice whose shutdown hook prints to {@code err}; on a {@code terminal}, over a progress line. */
    static InterruptNotice install(PrintStream err, boolean terminal) {
        InterruptNotice notice = new InterruptNotice(err, terminal);
        Runtime.getRuntime().addShutdownHook(new Thread(notice::printIfArmed, "cachectl-interrupt-notice"));
        return notice;
    }

    /** The run finished (or handed Ctrl-C to a child): the JVM's end is not an interruption any more. */
    void disarm() {
        armed.set(false);
    }

    private void printIfArmed() {
        if (err != null && armed.getAndSet(false)) {
            // Over the progress line a terminal may be showing (see ProgressLine).
            err.println(terminal ? "\r\033[K" + MESSAGE : MESSAGE);
            err.flush();
        }
    }
}
