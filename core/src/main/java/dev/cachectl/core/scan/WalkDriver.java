package dev.cachectl.core.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a walk's directory tasks on a bounded fork/join pool of its own and waits for them, reporting progress
 * from the calling thread meanwhile. Tasks run only on the pool's workers (the caller never helps), so a
 * worker's per-thread buffers are always there.
 */
final class WalkDriver {

    private WalkDriver() {
    }

    /**
     * Starts the tasks {@code rootTasks} creates under the given barrier, waits until every task and all
     * tasks they forked have completed, and rethrows the first unexpected failure of a worker.
     */
    static void run(ScanRun run, ScanOptions options, ForkJoinPool.ForkJoinWorkerThreadFactory workers,
                    Function<CountedCompleter<Void>, List<? extends CountedCompleter<Void>>> rootTasks) {
        CountDownLatch done = new CountDownLatch(1);
        Barrier barrier = new Barrier(run, done);
        List<? extends CountedCompleter<Void>> tasks = rootTasks.apply(barrier);
        if (tasks.isEmpty()) {
            report(run, options, true);
            return;
        }
        barrier.setPendingCount(tasks.size() - 1);
        ForkJoinPool pool = new ForkJoinPool(options.parallelism(), workers, null, false);
        try {
            tasks.forEach(pool::execute);
            long intervalNanos = options.progressInterval().toNanos();
            while (!done.await(intervalNanos, TimeUnit.NANOSECONDS)) {
                report(run, options, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail(e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        report(run, options, true);
        rethrow(run.failure());
    }

    private static void report(ScanRun run, ScanOptions options, boolean finished) {
        if (options.progress() != ProgressListener.NONE) {
            options.progress().progress(run.progress(finished));
        }
    }

    private static void awaitQuietly(ForkJoinPool pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) {
        switch (failure) {
            case null -> {
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case IOException e -> throw new UncheckedIOException(e);
            default -> throw new IllegalStateException("walk interrupted", failure);
        }
    }

    /** Completes when every root task and all its descendants have; a failure still releases the waiter. */
    private static final class Barrier extends CountedCompleter<Void> {

        private static final long serialVersionUID = 1L;
        private final transient ScanRun run;
        private final transient CountDownLatch done;

        Barrier(ScanRun run, CountDownLatch done) {
            this.run = run;
            this.done = done;
        }

        @Override
        public void compute() {
            // never forked: it only collects the completions of the root tasks
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            done.countDown();
        }

        @Override
        public boolean onExceptionalCompletion(Throwable ex, CountedCompleter<?> caller) {
            run.fail(ex);
            done.countDown();
            return false;
        }
    }
}
