package dev.cachectl.core.scan;

import dev.cachectl.core.fs.internal.HardLinkLedger;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shared state of one walk: totals per slot (one slot for a plain scan; one per entry, plus the
 * directory itself in slot 0, for a listing), the hard-link ledger, progress counters and the first
 * unexpected failure of a worker.
 */
final class ScanRun {

    private final SlotTotals[] slots;
    private final HardLinkLedger hardLinks = new HardLinkLedger();
    private final LongAdder entries = new LongAdder();
    private final LongAdder apparent = new LongAdder();
    private final LongAdder disk = new LongAdder();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final long startNanos = System.nanoTime();
    private boolean settled;

    ScanRun(int slotCount) {
        slots = new SlotTotals[slotCount];
        for (int i = 0; i < slotCount; i++) {
            slots[i] = new SlotTotals();
        }
    }

    int slotCount() {
        return slots.length;
    }

    /** Adds a finished directory's counts to its slot and to the progress counters. */
    void account(int slot, Tally tally) {
        slots[slot].add(tally);
        entries.add(tally.entries());
        apparent.add(tally.apparent);
        disk.add(tally.disk);
    }

    void claimShared(long dev, long ino, int slot, long apparentBytes, long diskBytes) {
        hardLinks.claim(dev, ino, slot, apparentBytes, diskBytes);
    }

    void error(int slot, Path path, String message) {
        slots[slot].error(new ScanError(path, message));
    }

    /** Records an unexpected exception of a worker; the walk finishes and rethrows it. */
    void fail(Throwable t) {
        if (!failure.compareAndSet(null, t)) {
            failure.get().addSuppressed(t);
        }
    }

    Throwable failure() {
        return failure.get();
    }

    WalkProgress progress(boolean finished) {
        return new WalkProgress(entries.sum(), apparent.sum(), disk.sum(), System.nanoTime() - startNanos, finished);
    }

    /** The final figures of a slot; call after the walk has ended. */
    synchronized TreeUsage usage(int slot) {
        if (!settled) {
            settled = true;
            hardLinks.forEachOwned((owner, a, d) -> slots[owner].addBytes(a, d));
        }
        return slots[slot].usage();
    }
}
