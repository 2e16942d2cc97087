package dev.cachectl.core.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a walk.
 *
 * @param parallelism      worker threads (at least 1)
 * @param progress         receives progress reports; {@link ProgressListener#NONE} for none
 * @param progressInterval time between progress reports
 */
public record ScanOptions(int parallelism, ProgressListener progress, Duration progressInterval) {

    /** Default parallelism: I/O waits overlap with more threads than cores, but past eight it stops helping. */
    public static final int DEFAULT_PARALLELISM = Math.clamp(Runtime.getRuntime().availableProcessors() * 2L, 2, 8);

    /** Default parallelism, no progress. */
    public static final ScanOptions DEFAULTS =
            new ScanOptions(DEFAULT_PARALLELISM, ProgressListener.NONE, Duration.ofMillis(200));

    /** Validates the fields. */
    public ScanOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive: " + progressInterval);
        }
    }

    /** These options with another number of threads. */
    public ScanOptions withParallelism(int threads) {
        return new ScanOptions(threads, progress, progressInterval);
    }

    /** These options with a progress listener. */
    public ScanOptions withProgress(ProgressListener listener) {
        return new ScanOptions(parallelism, listener, progressInterval);
    }
}
