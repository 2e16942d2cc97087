package dev.cachectl.core.fs.linux;

/** Sending a signal to another process ({@code kill(2)} on {@link Libc}), for exec's Ctrl-C relay. */
public final class Signals {

    /** {@code SIGINT}, the same number on every Linux architecture. */
    public static final int SIGINT = 2;

    private Signals() {
    }

    /**
     * Sends {@code signal} to process {@code pid}; false when it could not (no bindings here, no such process, not
     * permitted), so the caller falls back to {@link Process#destroy()}.
     */
    public static boolean send(long pid, int signal) {
        if (!Libc.AVAILABLE || pid <= 0 || pid > Integer.MAX_VALUE) {
            return false;
        }
        try (Scratch s = Scratch.borrow()) {
            return Libc.kill(s, (int) pid, signal) == 0;
        }
    }
}
