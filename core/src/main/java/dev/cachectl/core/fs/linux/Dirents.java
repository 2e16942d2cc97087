package dev.cachectl.core.fs.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;

/**
 * Reads a directory with {@code getdents64}: hundreds of entries per system call, handed out as offsets into
 * the caller's buffer ({@code struct linux_dirent64}: {@code d_reclen} at 16, the NUL-terminated name at 19).
 */
public final class Dirents {

    private static final long D_RECLEN = 16;
    private static final long D_NAME = 19;

    private Dirents() {
    }

    /** Receives one entry (never {@code .} or {@code ..}). */
    @FunctionalInterface
    public interface Visitor {
        /**
         * An entry whose NUL-terminated name starts at {@code nameOffset} in {@code buffer} (native address
         * {@code nameAddress}); valid only during the call.
         */
        void entry(MemorySegment buffer, long nameOffset, long nameAddress);
    }

    /**
     * Hands every entry of the open directory {@code fd} to {@code visitor}, reading from the current position
     * to the end. Returns 0, or the {@code errno} of a failed read (the entries before it were handed out).
     */
    public static int readAll(Scratch scratch, int fd, Visitor visitor) {
        while (true) {
            long n = readBatch(scratch, fd, visitor);
            if (n == 0) {
                return 0;
            }
            if (n < 0) {
                return (int) -n;
            }
        }
    }

    /**
     * One {@code getdents64} call: hands the entries it returned to {@code visitor} (possibly none but
     * {@code .} and {@code ..}). Returns the bytes read, 0 at the end of the directory, or {@code -errno}.
     */
    public static long readBatch(Scratch scratch, int fd, Visitor visitor) {
        MemorySegment buffer = scratch.dirents();
        long base = buffer.address();
        long n;
        do {
            n = Libc.getdents64(scratch, fd, base, Scratch.DIRENT_BUFFER);
        } while (n < 0 && scratch.errno() == Errno.EINTR);
        if (n < 0) {
            return -scratch.errno();
        }
        for (long off = 0; off < n; ) {
            int reclen = buffer.get(JAVA_SHORT, off + D_RECLEN) & 0xffff;
            long name = off + D_NAME;
            if (!isDotOrDotDot(buffer, name)) {
                visitor.entry(buffer, name, base + name);
            }
            off += reclen;
        }
        return n;
    }

    /** The name starting at {@code offset}, without its NUL. */
    public static byte[] name(MemorySegment buffer, long offset) {
        int length = 0;
        while (buffer.get(JAVA_BYTE, offset + length) != 0) {
            length++;
        }
        byte[] name = new byte[length];
        MemorySegment.copy(buffer, JAVA_BYTE, offset, name, 0, length);
        return name;
    }

    private static boolean isDotOrDotDot(MemorySegment buffer, long name) {
        if (buffer.get(JAVA_BYTE, name) != '.') {
            return false;
        }
        byte second = buffer.get(JAVA_BYTE, name + 1);
        return second == 0 || (second == '.' && buffer.get(JAVA_BYTE, name + 2) == 0);
    }
}
