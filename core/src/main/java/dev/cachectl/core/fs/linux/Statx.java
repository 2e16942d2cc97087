package dev.cachectl.core.fs.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import java.lang.foreign.MemorySegment;

/**
 * The layout of {@code struct statx} (the same on every Linux architecture, unlike {@code struct stat}) and the
 * fields the walkers read from it.
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

    private static final long STX_ATTRIBUTES = 8;
    private static final long STX_NLINK = 16;
    private static final long STX_MODE = 28;
    private static final long STX_INO = 32;
    private static final long STX_SIZE = 40;
    private static final long STX_BLOCKS = 48;
    private static final long STX_ATTRIBUTES_MASK = 56;
    private static final long STX_MTIME_SEC = 112;
    private static final long STX_MTIME_NSEC = 120;
    private static final long STX_DEV_MAJOR = 136;
    private static final long STX_DEV_MINOR = 140;
    private static final long STATX_ATTR_MOUNT_ROOT = 0x2000;

    private Statx() {
    }

    /** {@code stx_mode & S_IFMT}. */
    public static int type(MemorySegment s) {
        return s.get(JAVA_SHORT, STX_MODE) & S_IFMT;
    }

    /** {@code stx_size}. */
    public static long size(MemorySegment s) {
        return s.get(JAVA_LONG, STX_SIZE);
    }

    /** {@code stx_blocks * 512}: allocated bytes. */
    public static long diskBytes(MemorySegment s) {
        return s.get(JAVA_LONG, STX_BLOCKS) * 512;
    }

    /** {@code stx_nlink}. */
    public static long nlink(MemorySegment s) {
        return Integer.toUnsignedLong(s.get(JAVA_INT, STX_NLINK));
    }

    /** {@code stx_ino}. */
    public static long ino(MemorySegment s) {
        return s.get(JAVA_LONG, STX_INO);
    }

    /** The device, major and minor in one number. */
    public static long dev(MemorySegment s) {
        return ((long) s.get(JAVA_INT, STX_DEV_MAJOR) << 32) | Integer.toUnsignedLong(s.get(JAVA_INT, STX_DEV_MINOR));
    }

    /** {@code stx_mtime} in milliseconds. */
    public static long mtimeMillis(MemorySegment s) {
        return s.get(JAVA_LONG, STX_MTIME_SEC) * 1000 + Integer.toUnsignedLong(s.get(JAVA_INT, STX_MTIME_NSEC)) / 1_000_000;
    }

    /** Whether the kernel says this is the root of a mount (kernels from 5.8; false before). */
    public static boolean mountRoot(MemorySegment s) {
        long supported = s.get(JAVA_LONG, STX_ATTRIBUTES_MASK);
        return (supported & STATX_ATTR_MOUNT_ROOT) != 0 && (s.get(JAVA_LONG, STX_ATTRIBUTES) & STATX_ATTR_MOUNT_ROOT) != 0;
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
    public static EntryStat toEntryStat(MemorySegment s) {
        return new EntryStat(kind(type(s)), size(s), diskBytes(s), nlink(s), dev(s), ino(s), mtimeMillis(s), null,
                mountRoot(s));
    }
}
