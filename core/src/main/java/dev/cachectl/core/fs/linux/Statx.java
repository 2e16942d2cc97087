package dev.cachectl.core.fs.linux;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;

/**
 * The layout of {@code struct statx} (the same on every Linux architecture, unlike {@code struct stat}) and the
 * fields the walkers read from it. The result is copied into a {@code long[]} with one call
 * ({@link Scratch#statWords()}) and read with plain array accesses: cheaper, interpreted or compiled, than a
 * memory-segment access per field.
 */
public final class Statx {

    /** {@code sizeof(struct statx)}. */
    public static final int SIZE = 256;
    /** What we ask for: type, mode, link count, inode, size, blocks and modification time. */
    public static final int MASK = 0x1 | 0x2 | 0x4 | 0x40 | 0x100 | 0x200 | 0x400;
    /** Flags for examining an entry without following it or triggering an automount. */
    public static final int NO_FOLLOW = Libc.AT_SYMLINK_NOFOLLOW | Libc.AT_NO_AUTOMOUNT;

    /** {@code S_IFMT} and the types we tell apart. */
    public static final int S_IFMT = 0170000;
    /** Directory. */
    public static final int S_IFDIR = 0040000;
    /** Regular file. */
    public static final int S_IFREG = 0100000;
    /** Symbolic link. */
    public static final int S_IFLNK = 0120000;

    /** The result is read as this many little-endian 64-bit words (through {@code stx_dev_minor}). */
    public static final int WORDS = 18;

    private static final long STATX_ATTR_MOUNT_ROOT = 0x2000;

    private Statx() {
    }

    // Word offsets (byte offset / 8) of struct statx; both supported architectures are little-endian.
    // stx_attributes @8, stx_nlink @16, stx_mode @28, stx_ino @32, stx_size @40, stx_blocks @48,
    // stx_attributes_mask @56, stx_mtime.tv_sec @112, .tv_nsec @120, stx_dev_major @136, stx_dev_minor @140.

    /** {@code stx_mode & S_IFMT}. */
    public static int type(long[] w) {
        return (int) (w[3] >>> 32) & S_IFMT;
    }

    /** {@code stx_size}. */
    public static long size(long[] w) {
        return w[5];
    }

    /** {@code stx_blocks * 512}: allocated bytes. */
    public static long diskBytes(long[] w) {
        return w[6] * 512;
    }

    /** {@code stx_nlink}. */
    public static long nlink(long[] w) {
        return w[2] & 0xffff_ffffL;
    }

    /** {@code stx_ino}. */
    public static long ino(long[] w) {
        return w[4];
    }

    /**
     * The device as {@code stat(2)}'s {@code st_dev} gives it (glibc's {@code makedev(major, minor)}), so it equals
     * NIO's {@code unix:dev} and the device in a NIO {@code fileKey}.
     */
    public static long dev(long[] w) {
        long major = w[17] & 0xffff_ffffL;
        long minor = w[17] >>> 32;
        return ((major & 0xffff_f000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffff_ff00L) << 12)
                | (minor & 0xffL);
    }

    /** {@code stx_mtime} in milliseconds. */
    public static long mtimeMillis(long[] w) {
        return w[14] * 1000 + (w[15] & 0xffff_ffffL) / 1_000_000;
    }

    /** Whether the kernel says this is the root of a mount (kernels from 5.8; false before). */
    public static boolean mountRoot(long[] w) {
        return (w[7] & STATX_ATTR_MOUNT_ROOT) != 0 && (w[1] & STATX_ATTR_MOUNT_ROOT) != 0;
    }

    /** The kind of entry a file type describes. */
    public static EntryKind kind(int type) {
        return switch (type) {
            case S_IFDIR -> EntryKind.DIRECTORY;
            case S_IFREG -> EntryKind.FILE;
            case S_IFLNK -> EntryKind.SYMLINK;
            default -> EntryKind.OTHER;
        };
    }

    /** The whole result as an {@link EntryStat}. */
    public static EntryStat toEntryStat(long[] w) {
        return new EntryStat(kind(type(w)), size(w), diskBytes(w), nlink(w), dev(w), ino(w), mtimeMillis(w), null,
                mountRoot(w));
    }
}
