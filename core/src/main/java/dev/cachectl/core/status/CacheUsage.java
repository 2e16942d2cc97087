package dev.cachectl.core.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a cache directory holds, measured like GNU du: every entry's own size counts (directories too), a
 * hard-linked file once, symbolic links never followed.
 *
 * @param apparentBytes     {@code du -s -b DIR}
 * @param diskBytes         {@code du -s -B1 DIR}
 * @param files             regular files, like {@code find DIR -type f | wc -l}
 * @param dirs              directories, the root included
 * @param symlinks          symbolic links
 * @param newestMtimeMillis newest modification of any entry (epoch millis); {@link #NO_MTIME} when none
 * @param unreadable        entries that could not be read; the figures leave them out
 */
public record CacheUsage(long apparentBytes, long diskBytes, long files, long dirs, long symlinks,
                         long newestMtimeMillis, List<Unreadable> unreadable) {

    /** {@link #newestMtimeMillis()} when nothing was measured. */
    public static final long NO_MTIME = Long.MIN_VALUE;

    /** Nothing measured. */
    public static final CacheUsage EMPTY = new CacheUsage(0, 0, 0, 0, 0, NO_MTIME, List.of());

    /** Copies the list. */
    public CacheUsage {
        unreadable = List.copyOf(unreadable);
    }

    /** An entry a walk could not read. */
    public record Unreadable(Path path, String reason) {

        /** Validates the fields. */
        public Unreadable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The sum of two disjoint measurements (totals of a group). */
    public CacheUsage plus(CacheUsage other) {
        return new CacheUsage(apparentBytes + other.apparentBytes, diskBytes + other.diskBytes,
                files + other.files, dirs + other.dirs, symlinks + other.symlinks,
                Math.max(newestMtimeMillis, other.newestMtimeMillis),
                Stream.concat(unreadable.stream(), other.unreadable.stream()).toList());
    }

    /** Whether it holds anything below its root: a file, a link, or a folder. */
    public boolean holdsAnything() {
        return files > 0 || symlinks > 0 || dirs > 1;
    }
}
