package dev.cachectl.cli;

import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.status.HumanBytes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live progress line on stderr for long scans and deletions: silent for the first second (most runs
 * finish sooner), then redrawn ten times a second with entries, bytes and rate, and erased when done.
 * Only used when stderr is a terminal; {@link #update} is cheap enough to call from every walker thread.
 */
final class ProgressLine implements AutoCloseable {

    private static final long DELAY_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 100;

    private final PrintWriter err;
    private final String verb;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    private volatile boolean drawn;

    private ProgressLine(PrintWriter err, String verb, boolean enabled) {
        this.err = err;
        this.verb = verb;
        if (enabled) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cachectl-progress");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::draw, DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** A progress line for {@code verb} ("scanning", "deleting"), drawn only when {@code enabled}. */
    static ProgressLine start(PrintWriter err, String verb, boolean enabled) {
        return new ProgressLine(err, verb, enabled);
    }

    /** Records that the work has now covered {@code totalEntries} entries and {@code totalBytes} bytes. */
    void update(long totalEntries, long totalBytes) {
        entries.set(totalEntries);
        bytes.set(totalBytes);
    }

    /** A listener for core's walkers that feeds this line (entries and allocated bytes). */
    dev.cachectl.core.scan.ProgressListener listener() {
        return progress -> update(progress.entries(), progress.diskBytes());
    }

    /** Adds to the running totals. */
    void add(long moreEntries, long moreBytes) {
        entries.addAndGet(moreEntries);
        bytes.addAndGet(moreBytes);
    }

    /**
     * A listener for core walks run one after another (e.g. one per cache): each walk's figures are added to
     * what the finished walks before it covered.
     */
    ProgressListener walks() {
        AtomicLong doneEntries = new AtomicLong();
        AtomicLong doneBytes = new AtomicLong();
        return progress -> {
            update(doneEntries.get() + progress.entries(), doneBytes.get() + progress.apparentBytes());
            if (progress.finished()) {
                doneEntries.addAndGet(progress.entries());
                doneBytes.addAndGet(progress.apparentBytes());
            }
        };
    }

    private synchronized void draw() {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
        long n = entries.get();
        err.print(String.format(Locale.ROOT, "\r%s: %,d entries, %s, %,.0f entries/s   ", verb, n,
                HumanBytes.format(bytes.get()), n / seconds));
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (drawn) {
            // Erase the line so results start on a clean one.
            err.print("\r\033[K");
            err.flush();
        }
    }
}
