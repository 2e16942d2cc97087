package dev.cachectl.core.fs.linux;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Reads a directory with {@code getdents64}: hundreds of entries per system call, handed out as offsets into
 * the caller's buffer ({@code struct linux_dirent64}: {@code d_reclen} at 16, the NUL-terminated name at 19).
 */
public final class Dirents {

    private static final int D_RECLEN = 16;
    private static final int D_NAME = 19;

    private Dirents() {
    }

    /** Receives one entry (never {@code .} or {@code ..}). */
    @FunctionalInterface
    public interface Visitor {
        /**
         * An entry whose NUL-terminated name starts at {@code nameOffset} in {@code buffer} (a copy of the native
         * buffer, where the same name is at {@code nameAddress}); valid only during the call.
         */
        void entry(byte[] buffer, int nameOffset, long nameAddress);
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
        byte[] bytes = scratch.direntBytes((int) n);
        for (int off = 0; off < n; ) {
            off += visit(bytes, base, off, visitor);
        }
        return n;
    }

    /**
     * Hands the entry at {@code off} to the visitor and returns its length. One small method per entry rather
     * than a loop body: it is compiled after a few hundred entries, where a loop would run interpreted for tens
     * of thousands (the JIT compiles loops by back-edge counts).
     */
    private static int visit(byte[] buffer, long base, int off, Visitor visitor) {
        int name = off + D_NAME;
        if (!isDotOrDotDot(buffer, name)) {
            visitor.entry(buffer, name, base + name);
        }
        return (buffer[off + D_RECLEN] & 0xff) | (buffer[off + D_RECLEN + 1] & 0xff) << 8;
    }

    /** The name starting at {@code offset}, without its NUL. */
    public static byte[] name(byte[] buffer, int offset) {
        int end = offset;
        while (buffer[end] != 0) {
            end++;
        }
        return Arrays.copyOfRange(buffer, offset, end);
    }

    private static boolean isDotOrDotDot(byte[] buffer, int name) {
        if (buffer[name] != '.') {
            return false;
        }
        byte second = buffer[name + 1];
        return second == 0 || (second == '.' && buffer[name + 2] == 0);
    }
}
