package dev.cachectl.core.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The running totals of one measured entry (a slot) of a walk; threads add whole directories at a time. */
final class SlotTotals {

    private long apparent;
    private long disk;
    private long files;
    private long dirs;
    private long symlinks;
    private long others;
    private long newest = TreeUsage.NO_MTIME;
    private final List<ScanError> errors = new ArrayList<>();

    synchronized void add(Tally t) {
        apparent += t.apparent;
        disk += t.disk;
        files += t.files;
        dirs += t.dirs;
        symlinks += t.symlinks;
        others += t.others;
        newest = Math.max(newest, t.newest);
    }

    synchronized void addBytes(long apparentBytes, long diskBytes) {
        apparent += apparentBytes;
        disk += diskBytes;
    }

    synchronized void error(ScanError error) {
        errors.add(error);
    }

    synchronized TreeUsage usage() {
        List<ScanError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(ScanError::path).thenComparing(ScanError::message));
        return new TreeUsage(apparent, disk, files, dirs, symlinks, others, newest, sorted);
    }
}
