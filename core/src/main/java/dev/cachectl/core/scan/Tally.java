package dev.cachectl.core.scan;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;

/**
 * One worker's counts for the directory it is reading, handed to the run when the directory is done so that
 * shared totals are touched once per directory, not once per entry.
 */
final class Tally {

    long apparent;
    long disk;
    long files;
    long dirs;
    long symlinks;
    long others;
    long newest = TreeUsage.NO_MTIME;

    /** Counts an entry; its bytes only when {@code countBytes} (a hard-linked file's go to the ledger). */
    void count(EntryKind kind, long size, long diskBytes, long mtimeMillis, boolean countBytes) {
        switch (kind) {
            case FILE -> files++;
            case DIRECTORY -> dirs++;
            case SYMLINK -> symlinks++;
            case OTHER -> others++;
        }
        if (countBytes) {
            apparent += Math.max(0, size);
            disk += diskBytes;
        }
        if (mtimeMillis > newest) {
            newest = mtimeMillis;
        }
    }

    /** Counts an entry described by a stat, recording a hard-linked file in the run's ledger. */
    void count(EntryStat st, ScanRun run, int slot) {
        boolean shared = st.sharedInode();
        if (shared) {
            run.claimShared(st.dev(), st.ino(), slot, Math.max(0, st.size()), st.diskBytes());
        }
        count(st.kind(), st.size(), st.diskBytes(), st.mtimeMillis(), !shared);
    }

    long entries() {
        return files + dirs + symlinks + others;
    }

    void reset() {
        apparent = 0;
        disk = 0;
        files = 0;
        dirs = 0;
        symlinks = 0;
        others = 0;
        newest = TreeUsage.NO_MTIME;
    }
}
