package dev.cachectl.core.delete;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One entry of a clear's root, a directory, whose subdirectories are emptied in parallel instead of by the one
 * {@link UnitWalker} that deletes the entry: a clear whose cache holds one huge folder would otherwise run on one
 * thread. The walker opens the directory (checked to be what was listed, never through a link) and reads it to
 * the end, handling its other entries as usual; each subdirectory it would have emptied itself becomes a task
 * that empties it through the directory's shared handle, exactly as the walker would have (same keep checks,
 * same paths in kept entries and errors, freed figures counted in the entry's own slot). When the reading and
 * the last of those tasks have ended, the directory is removed, unless something in it stays, and its handle
 * closed.
 *
 * <p>Only a directory with no protected path at or below it, that no keep rule keeps and that is not a mount
 * point is expanded (the walker checks, before it calls {@link #start}); a symbolic link never is, being no
 * directory. So the entries asked about, kept, removed and reported are those of an unexpanded deletion; a dry
 * run expands too and reports the same.
 *
 * @param <N> the handle's entry names
 */
final class ExpandedDirectory<N> {

    private final DeletionRun run;
    private final int slot;
    private final DirectoryHandle<N> parent;
    private final String path;
    private final Semaphore budget;
    private final Consumer<Runnable> scheduler;
    private final Consumer<EntryOutcome> outcome;
    /** The reading, plus one per subdirectory not yet emptied. */
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private final AtomicBoolean childLeft = new AtomicBoolean();
    private Frame<N> frame;

    /**
     * @param parent    the open directory the entry is in (the root)
     * @param path      the entry's path from the root
     * @param budget    how many more directories may be expanded (each holds a descriptor until it is finished)
     * @param scheduler runs a task on the deletion's threads, ahead of the entries not started yet
     * @param outcome   told the entry's outcome once it is finished
     */
    ExpandedDirectory(DeletionRun run, int slot, DirectoryHandle<N> parent, String path, Semaphore budget,
                      Consumer<Runnable> scheduler, Consumer<EntryOutcome> outcome) {
        this.run = run;
        this.slot = slot;
        this.parent = parent;
        this.path = path;
        this.budget = budget;
        this.scheduler = scheduler;
        this.outcome = outcome;
    }

    /** Whether the directory of {@code top} (just opened) is expanded; if so, its handle now belongs here. */
    boolean start(Frame<N> top) {
        if (!budget.tryAcquire()) {
            return false;
        }
        frame = top;
        return true;
    }

    /**
     * Reads the directory to the end with {@code walker} (which deletes or keeps its other entries) and hands
     * each subdirectory to a task of its own as soon as it is listed.
     */
    void read(UnitWalker<N> walker, Frame<N> top) {
        boolean complete = false;
        try {
            while (!top.exhausted) {
                walker.readBatch(top);
                for (Frame.Pending<N> p = top.pending.poll(); p != null; p = top.pending.poll()) {
                    schedule(p);
                }
            }
            complete = true;
        } finally {
            if (!complete) {
                top.keep = true; // a bug stopped the reading: never remove what was not seen
            }
            arrive();
        }
    }

    private void schedule(Frame.Pending<N> subdirectory) {
        outstanding.incrementAndGet();
        scheduler.accept(() -> {
            boolean left = true;
            try {
                left = emptySubdirectory(subdirectory);
            } finally {
                if (left) {
                    childLeft.set(true);
                }
                arrive();
            }
        });
    }

    /**
     * Empties and removes a subdirectory listed while the directory was read, through the directory's shared
     * handle, as the reading walker would have from the directory's frame; whether something in it stays.
     */
    private boolean emptySubdirectory(Frame.Pending<N> subdirectory) {
        Frame<N> borrowed = new Frame<>(null, frame.name, frame.self, null, 0);
        borrowed.handle = frame.handle;
        borrowed.borrowed = true;
        borrowed.exhausted = true;
        borrowed.pending.add(subdirectory);
        UnitWalker<N> walker = new UnitWalker<>(run, slot);
        walker.startAt(frame.handle, path, 0);
        walker.walk(borrowed);
        return borrowed.keep;
    }

    /** One part ended; the last one removes the directory (unless something in it stays) and closes it. */
    private void arrive() {
        if (outstanding.decrementAndGet() != 0) {
            return;
        }
        try {
            frame.keep |= childLeft.get();
            UnitWalker<N> walker = new UnitWalker<>(run, slot);
            walker.startAt(parent, path, 1);
            boolean gone = walker.finish(frame);
            outcome.accept(gone ? EntryOutcome.REMOVED : EntryOutcome.LEFT);
        } finally {
            budget.release();
        }
    }
}
