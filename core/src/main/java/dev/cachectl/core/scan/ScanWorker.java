package dev.cachectl.core.scan;

import dev.cachectl.core.fs.linux.Scratch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/** A pool thread of a native walk, with its own native buffers and counters. */
final class ScanWorker extends ForkJoinWorkerThread {

    final Scratch scratch;
    final Tally tally = new Tally();

    private ScanWorker(ForkJoinPool pool) {
        super(pool);
        this.scratch = Scratch.borrow();
    }

    /** Creates workers, each with its own borrowed native buffers. */
    static ForkJoinPool.ForkJoinWorkerThreadFactory factory() {
        return ScanWorker::new;
    }

    @Override
    protected void onTermination(Throwable exception) {
        scratch.close();
        super.onTermination(exception);
    }
}
