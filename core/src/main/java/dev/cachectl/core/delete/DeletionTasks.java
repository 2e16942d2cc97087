package dev.cachectl.core.delete;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one deletion and their queue. Requested entries queue at the back; the subdirectories of an
 * {@link ExpandedDirectory} at the front, so that a directory being expanded is finished (and its descriptor
 * closed) before further entries are started. Remembers the first failure and tells when every task has ended.
 */
final class DeletionTasks implements AutoCloseable {

    private final LinkedBlockingDeque<Runnable> queue = new LinkedBlockingDeque<>();
    private final ThreadPoolExecutor pool;
    /** Tasks not ended yet, plus one until {@link #allSubmitted()}. */
    private final AtomicLong outstanding = new AtomicLong(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    DeletionTasks(int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue,
                Thread.ofPlatform().daemon().name("cachectl-delete-", 0).factory());
        // every thread waits on the queue, so tasks can be put at either end of it directly
        pool.prestartAllCoreThreads();
    }

    /** Runs {@code task} after those already queued. */
    void submitLast(Runnable task) {
        outstanding.incrementAndGet();
        queue.addLast(guarded(task));
    }

    /** Runs {@code task} before those already queued. */
    void submitFirst(Runnable task) {
        outstanding.incrementAndGet();
        queue.addFirst(guarded(task));
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                arrive();
            }
        };
    }

    private void arrive() {
        if (outstanding.decrementAndGet() == 0) {
            done.countDown();
        }
    }

    /** Says that the caller submits nothing more; the tasks themselves still may. */
    void allSubmitted() {
        arrive();
    }

    /** Waits up to {@code nanos} for every task to end; whether they have. */
    boolean await(long nanos) throws InterruptedException {
        return done.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Throws the first failure of a task, if any. */
    void rethrowFailure() {
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        } else if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
