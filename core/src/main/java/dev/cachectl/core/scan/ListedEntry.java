package dev.cachectl.core.scan;

import dev.cachectl.core.fs.internal.EntryStat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An entry of the directory {@link TreeScanner#scanEntries} lists, before its subtree is walked.
 *
 * @param name   the decoded file name
 * @param stat   its attributes
 * @param handle what the implementation needs to walk it (a path, or the raw name)
 */
record ListedEntry(String name, EntryStat stat, Object handle) {

    /** Sorts by name, the order in which entries get their slots (1, 2, ...; 0 is the directory itself). */
    static List<ListedEntry> sorted(List<ListedEntry> entries) {
        List<ListedEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing(ListedEntry::name));
        return copy;
    }

    /** The listing's result once the walk has ended. */
    static DirectoryUsage assemble(Path directory, ScanRun run, List<ListedEntry> sorted) {
        TreeUsage total = run.usage(0);
        List<EntryUsage> entries = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ListedEntry e = sorted.get(i);
            TreeUsage usage = run.usage(i + 1);
            entries.add(new EntryUsage(e.name(), e.stat().kind(), usage));
            total = total.plus(usage);
        }
        List<ScanError> errors = new ArrayList<>(total.errors());
        errors.sort(Comparator.comparing(ScanError::path).thenComparing(ScanError::message));
        total = new TreeUsage(total.apparentBytes(), total.diskBytes(), total.files(), total.dirs(), total.symlinks(),
                total.others(), total.newestMtimeMillis(), errors);
        return new DirectoryUsage(directory, total, entries);
    }
}
