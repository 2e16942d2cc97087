package dev.cachectl.core.exec;

import dev.cachectl.core.fs.linux.Signals;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a child runs in the foreground, cachectl stands aside for Ctrl-C the way shells (and uv) do.
 *
 * <ul>
 *   <li>SIGINT: a terminal sends Ctrl-C to the whole foreground process group, so the child already has it.
 *       cachectl does not exit and does not pass it on again (a second SIGINT means "hurry" to many programs,
 *       Python included); it waits for the child and returns its status, which is 130 when the child died of
 *       the signal. A second SIGINT, or one sent to cachectl alone ({@code kill -INT} twice), is passed on to
 *       the child.</li>
 *   <li>SIGTERM: not sent to the group by shells, so it is passed on to the child at once.</li>
 *   <li>Anything that ends the JVM anyway (SIGHUP, SIGQUIT's default aside): a shutdown hook terminates the
 *       child (SIGTERM, then SIGKILL after a grace period) so it is never left orphaned.</li>
 * </ul>
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the only way to replace the JVM's SIGINT handler;
 * where it is unavailable (a JVM started with {@code -Xrs}) the JVM's default applies and the shutdown hook
 * still takes the child down.
 */
final class SignalRelay implements AutoCloseable {

    private static final long GRACE_SECONDS = 5;

    private final java.util.concurrent.atomic.AtomicReference<Process> child =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final AtomicInteger interrupts = new AtomicInteger();
    private volatile boolean terminated;
    private final Optional<SignalHandler> previousInt;
    private final Optional<SignalHandler> previousTerm;
    private final Thread shutdownHook;

    /**
     * Takes over SIGINT and SIGTERM before the child starts, so no signal falls between its start and the
     * relay: a SIGTERM that comes first is passed on as soon as the child is {@linkplain #attach attached}.
     */
    SignalRelay() {
        this.previousInt = install("INT", signal -> {
            Process process = child.get();
            if (interrupts.incrementAndGet() > 1 && process != null) {
                interrupt(process);
            }
        });
        this.previousTerm = install("TERM", signal -> {
            terminated = true;
            Process process = child.get();
            if (process != null) {
                process.destroy();
            }
        });
        this.shutdownHook = new Thread(this::terminateChild, "cachectl-exec-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The child to relay to, once started. */
    void attach(Process process) {
        child.set(process);
        if (terminated) {
            process.destroy();
        }
    }

    private static Optional<SignalHandler> install(String name, SignalHandler handler) {
        try {
            return Optional.of(Signal.handle(new Signal(name), handler));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty(); // the signal is reserved (-Xrs) or unknown here: keep the JVM's default
        }
    }

    private void terminateChild() {
        Process process = child.get();
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /** Sends SIGINT to the child with kill(2); where that is unavailable, terminates it. */
    private static void interrupt(Process child) {
        if (!Signals.send(child.pid(), Signals.SIGINT)) {
            child.destroy();
        }
    }

    @Override
    public void close() {
        previousInt.ifPresent(handler -> install("INT", handler));
        previousTerm.ifPresent(handler -> install("TERM", handler));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and finds the child gone
        }
    }
}
