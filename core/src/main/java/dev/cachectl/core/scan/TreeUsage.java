package dev.cachectl.core.scan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a tree holds, measured like GNU du: every entry's own size counts, directories included; a file with
 * several hard links counts once; symbolic links are never followed (the link itself counts).
 *
 * @param apparentBytes     sum of {@code st_size}: equals {@code du -s -b DIR}
 * @param diskBytes         sum of {@code st_blocks * 512}: equals {@code du -s -B1 DIR} (an estimate where
 *                          {@link ScanImplementation#exactDiskBytes()} is false)
 * @param files             regular files, each name counted (hard links too): equals
 *                          {@code find DIR -type f | wc -l}
 * @param dirs              directories, the root included: equals {@code find DIR -type d | wc -l}
 * @param symlinks          symbolic links
 * @param others            sockets, pipes, devices
 * @param newestMtimeMillis the newest modification time of any entry, root included, in milliseconds since
 *                          the epoch; {@link #NO_MTIME} when nothing was measured
 * @param errors            entries that could not be read, in path order; empty when the figures are complete
 */
public record TreeUsage(long apparentBytes, long diskBytes, long files, long dirs, long symlinks, long others,
                        long newestMtimeMillis, List<ScanError> errors) {

    /** {@link #newestMtimeMillis()} when no entry was measured. */
    public static final long NO_MTIME = Long.MIN_VALUE;

    /** Nothing measured. */
    public static final TreeUsage EMPTY = new TreeUsage(0, 0, 0, 0, 0, 0, NO_MTIME, List.of());

    /** Copies the error list. */
    public TreeUsage {
        errors = List.copyOf(errors);
    }

    /** All entries counted: files, directories, symlinks and others. */
    public long entries() {
        return files + dirs + symlinks + others;
    }

    /** Whether every entry could be read. */
    public boolean complete() {
        return errors.isEmpty();
    }

    /** The newest modification time, when anything was measured. */
    public Optional<Instant> newestModification() {
        return newestMtimeMillis == NO_MTIME ? Optional.empty() : Optional.of(Instant.ofEpochMilli(newestMtimeMillis));
    }

    /**
     * The sum of two disjoint measurements (the caller makes sure no hard-linked file is in both), errors
     * concatenated.
     */
    public TreeUsage plus(TreeUsage other) {
        List<ScanError> allErrors = errors.isEmpty() ? other.errors
                : other.errors.isEmpty() ? errors
                : java.util.stream.Stream.concat(errors.stream(), other.errors.stream()).toList();
        return new TreeUsage(apparentBytes + other.apparentBytes, diskBytes + other.diskBytes, files + other.files,
                dirs + other.dirs, symlinks + other.symlinks, others + other.others,
                Math.max(newestMtimeMillis, other.newestMtimeMillis), allErrors);
    }
}
