package dev.cachectl.core.fs.linux;

import dev.cachectl.core.text.FileNameCharset;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.Charset;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread's native buffers for the system calls: the captured {@code errno}, a {@code statx} result, a
 * directory-entry buffer and room for one path. Never shared between threads while in use.
 *
 * <p>Scratches live in the global arena and are pooled: borrowing one costs nothing after the first, and a
 * global segment passed to a downcall needs no per-call lifetime bookkeeping (a closeable arena's would). The
 * pool holds as many as were ever in use at once (a few, about 75 KiB each). The global arena is never closed,
 * so no segment here can outlive its memory; {@link #close()} only returns the scratch to the pool, and a second
 * {@code close()} of the same borrowing does nothing (it must not put one scratch in the pool twice, where two
 * threads would then share it).
 */
public final class Scratch implements AutoCloseable {

    /** Size of the {@code getdents64} buffer: a few hundred entries per call. */
    public static final int DIRENT_BUFFER = 64 * 1024;
    private static final int PATH_BUFFER = 4096 + 1;

    private static final ConcurrentLinkedQueue<Scratch> POOL = new ConcurrentLinkedQueue<>();

    private final MemorySegment capture;
    private final MemorySegment stat;
    private final MemorySegment dirents;
    private final MemorySegment path;
    private final MemorySegment secondPath;
    private final AtomicBoolean borrowed = new AtomicBoolean(true);
    private final long[] statWords = new long[Statx.WORDS];
    private final byte[] direntBytes = new byte[DIRENT_BUFFER];

    private Scratch(Arena arena) {
        this.capture = arena.allocate(Libc.CAPTURE_SIZE, 8);
        this.stat = arena.allocate(Statx.SIZE, 8);
        this.dirents = arena.allocate(DIRENT_BUFFER, 8);
        this.path = arena.allocate(PATH_BUFFER, 8);
        this.secondPath = arena.allocate(PATH_BUFFER, 8);
    }

    /** Buffers for the calling thread until {@link #close()} gives them back. */
    public static Scratch borrow() {
        Scratch s = POOL.poll();
        if (s == null) {
            return new Scratch(Arena.global());
        }
        s.borrowed.set(true);
        return s;
    }

    MemorySegment capture() {
        return capture;
    }

    /** The {@code errno} of the last failed call made with this scratch. */
    public int errno() {
        return Libc.errno(capture);
    }

    /** The {@code statx} result buffer. */
    public MemorySegment stat() {
        return stat;
    }

    /** Its address, for {@link Libc#statx}. */
    public long statAddress() {
        return stat.address();
    }

    /** The {@code statx} result just filled in, copied into words for {@link Statx}'s accessors. */
    public long[] statWords() {
        MemorySegment.copy(stat, ValueLayout.JAVA_LONG, 0, statWords, 0, Statx.WORDS);
        return statWords;
    }

    /** The first {@code length} bytes of the directory-entry buffer, copied into a Java array. */
    byte[] direntBytes(int length) {
        MemorySegment.copy(dirents, ValueLayout.JAVA_BYTE, 0, direntBytes, 0, length);
        return direntBytes;
    }

    /** The directory-entry buffer. */
    public MemorySegment dirents() {
        return dirents;
    }

    /** Copies a name (raw bytes, no NUL) into the path buffer, NUL-terminated; returns its address. */
    public long name(byte[] name) {
        MemorySegment.copy(name, 0, path, ValueLayout.JAVA_BYTE, 0, name.length);
        path.set(ValueLayout.JAVA_BYTE, name.length, (byte) 0);
        return path.address();
    }

    /** Copies a path in the platform's file-name encoding into the path buffer; returns its address. */
    public long path(String text) {
        return copyPath(text, path);
    }

    /** As {@link #path(String)}, into a second buffer, for calls that take two paths ({@code renameat2}). */
    public long secondPath(String text) {
        return copyPath(text, secondPath);
    }

    private static long copyPath(String text, MemorySegment buffer) {
        byte[] bytes = text.getBytes(FileNames.CHARSET);
        if (bytes.length >= PATH_BUFFER) {
            throw new IllegalArgumentException("path too long: " + text.length() + " characters");
        }
        MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, 0, bytes.length);
        buffer.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return buffer.address();
    }

    /**
     * Gives the buffers back to the pool; the caller must not use them any more. Closing again is harmless: only
     * the first close of a borrowing returns it.
     */
    @Override
    public void close() {
        if (borrowed.compareAndSet(true, false)) {
            POOL.offer(this);
        }
    }

    /** How many scratches wait in the pool (for tests). */
    static int pooled() {
        return POOL.size();
    }

    /** File names' byte encoding on this JVM. */
    public static final class FileNames {
        /**
         * {@code sun.jnu.encoding}, how the JVM turns file names into bytes; for UTF-8 without losing the bytes
         * of a name that is not valid UTF-8 ({@link FileNameCharset}).
         */
        public static final Charset CHARSET = FileNameCharset.forFileNames(charset());

        private FileNames() {
        }

        private static Charset charset() {
            try {
                return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
            } catch (RuntimeException e) {
                return Charset.defaultCharset();
            }
        }
    }
}
