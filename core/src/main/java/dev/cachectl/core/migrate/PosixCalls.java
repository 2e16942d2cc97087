package dev.cachectl.core.migrate;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few Linux system calls that NIO does not offer and a safe migration needs, called through
 * {@code java.lang.foreign}: {@code renameat2(RENAME_NOREPLACE)} (a rename that never replaces),
 * {@code lseek(SEEK_DATA/SEEK_HOLE)} (the data extents of a sparse file) and {@code syncfs} (one flush for
 * a whole staged tree instead of an fsync per file). Every method reports "unsupported" instead of failing
 * where the platform lacks the call, and callers fall back to portable NIO.
 */
final class PosixCalls {

    static final int EEXIST = 17;
    static final int EXDEV = 18;
    private static final int ENOTEMPTY = 39;
    private static final int EINVAL = 22;
    private static final int ENOSYS = 38;
    private static final int ENXIO = 6;
    private static final int EINTR = 4;
    private static final int AT_FDCWD = -100;
    private static final int RENAME_NOREPLACE = 1;
    private static final int SEEK_DATA = 3;
    private static final int SEEK_HOLE = 4;
    private static final int O_CLOEXEC = 0x80000;
    /** O_NOFOLLOW differs between the two Linux ABIs we run on. */
    private static final int O_NOFOLLOW = System.getProperty("os.arch", "").equals("aarch64") ? 0x8000 : 0x20000;

    private static final Functions FUNCTIONS = Functions.load();

    private PosixCalls() {
    }

    /** Whether the calls are available (Linux with a glibc or musl that has them). */
    static boolean available() {
        return FUNCTIONS != null;
    }

    /** The outcome of a rename that must not replace its target. */
    enum RenameResult { DONE, TARGET_EXISTS, CROSS_DEVICE, UNSUPPORTED }

    /** {@code renameat2(from, to, RENAME_NOREPLACE)}: atomic, and fails instead of replacing {@code to}. */
    static RenameResult renameNoReplace(Path from, Path to) throws IOException {
        if (FUNCTIONS == null) {
            return RenameResult.UNSUPPORTED;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Functions.CAPTURE);
            int rc = (int) FUNCTIONS.renameat2.invokeExact(state, AT_FDCWD, arena.allocateFrom(from.toString()),
                    AT_FDCWD, arena.allocateFrom(to.toString()), RENAME_NOREPLACE);
            if (rc == 0) {
                return RenameResult.DONE;
            }
            int errno = Functions.errno(state);
            return switch (errno) {
                case EEXIST, ENOTEMPTY -> RenameResult.TARGET_EXISTS;
                case EXDEV -> RenameResult.CROSS_DEVICE;
                // The file system or kernel does not know the flag: the caller falls back to NIO.
                case EINVAL, ENOSYS -> RenameResult.UNSUPPORTED;
                default -> throw new IOException("rename " + from + " -> " + to + " failed: errno " + errno);
            };
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("renameat2 call failed", t);
        }
    }

    /**
     * The data extents ({@code [start, end)} pairs) of a regular file, found with {@code SEEK_DATA} and
     * {@code SEEK_HOLE}; empty when the platform or file system cannot tell, in which case the caller treats
     * the whole file as data.
     */
    static Optional<List<long[]>> dataExtents(Path file, long size) {
        if (FUNCTIONS == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Functions.CAPTURE);
            int fd = (int) FUNCTIONS.open.invokeExact(state, arena.allocateFrom(file.toString()),
                    O_CLOEXEC | O_NOFOLLOW);
            if (fd < 0) {
                return Optional.empty();
            }
            try {
                List<long[]> extents = new ArrayList<>();
                long offset = 0;
                while (offset < size) {
                    long data = (long) FUNCTIONS.lseek.invokeExact(state, fd, offset, SEEK_DATA);
                    if (data < 0) {
                        // ENXIO: no data after offset (the rest is a hole); anything else: unsupported.
                        return Functions.errno(state) == ENXIO ? Optional.of(extents) : Optional.empty();
                    }
                    long hole = (long) FUNCTIONS.lseek.invokeExact(state, fd, data, SEEK_HOLE);
                    if (hole < 0) {
                        return Optional.empty();
                    }
                    long end = Math.min(hole, size);
                    if (end > data) {
                        extents.add(new long[] {data, end});
                    }
                    offset = hole;
                }
                return Optional.of(extents);
            } finally {
                int closed = (int) FUNCTIONS.close.invokeExact(fd);
                assert closed == 0 || closed == -1;
            }
        } catch (Throwable t) {
            // A failed native call costs only the hole detection: the caller copies every byte instead.
            return Optional.empty();
        }
    }

    /**
     * {@code syncfs} on the file system holding {@code directory}: flushes the data and metadata of every
     * file written there. False when unavailable, so the caller fsyncs file by file.
     */
    static boolean syncFileSystem(Path directory) {
        if (FUNCTIONS == null) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Functions.CAPTURE);
            int fd = (int) FUNCTIONS.open.invokeExact(state, arena.allocateFrom(directory.toString()), O_CLOEXEC);
            if (fd < 0) {
                return false;
            }
            try {
                int rc;
                do {
                    rc = (int) FUNCTIONS.syncfs.invokeExact(state, fd);
                } while (rc != 0 && Functions.errno(state) == EINTR);
                return rc == 0;
            } finally {
                int closed = (int) FUNCTIONS.close.invokeExact(fd);
                assert closed == 0 || closed == -1;
            }
        } catch (Throwable t) {
            return false;
        }
    }

    /** The bound functions; null when the platform has none of them. */
    private record Functions(MethodHandle open, MethodHandle close, MethodHandle lseek, MethodHandle renameat2,
                             MethodHandle syncfs) {

        static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

        static int errno(MemorySegment state) {
            return (int) ERRNO.get(state, 0L);
        }

        static Functions load() {
            if (!System.getProperty("os.name", "").equals("Linux")) {
                return null;
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                Linker.Option errno = Linker.Option.captureCallState("errno");
                return new Functions(
                        linker.downcallHandle(libc.find("open").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), errno),
                        linker.downcallHandle(libc.find("close").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT)),
                        linker.downcallHandle(libc.find("lseek").orElseThrow(),
                                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT), errno),
                        linker.downcallHandle(libc.find("renameat2").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), errno),
                        linker.downcallHandle(libc.find("syncfs").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno));
            } catch (RuntimeException | LinkageError e) {
                // No such symbol, or native access denied: every caller has a portable fallback.
                return null;
            }
        }
    }
}
