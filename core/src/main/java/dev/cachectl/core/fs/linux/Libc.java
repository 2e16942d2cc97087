package dev.cachectl.core.fs.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Every native call cachectl makes, through {@code java.lang.foreign}, and nowhere else: the walkers' and the
 * deleter's {@code openat}, {@code close}, {@code getdents64}, {@code statx} (Linux 4.11+) and {@code unlinkat};
 * the lock probe's and the directory lock's {@code flock}; the copier's {@code renameat2}, {@code lseek} and
 * {@code syncfs}; and exec's {@code kill}. Each returns the raw result; on failure the {@code errno} is in the
 * caller's {@link Scratch}. Higher-level wrappers with portable fallbacks are {@link PosixFiles} and
 * {@link Signals}.
 *
 * <p>Pointer arguments are passed as raw addresses ({@code long}), which the x86-64 and AArch64 calling
 * conventions pass exactly like pointers: the hot loops then call without creating a segment per entry.
 * Everything here is used only where {@link #AVAILABLE}: Linux on x86-64 or AArch64, a JVM that grants this
 * module native access (so no warning is ever printed), and a kernel that answers {@code statx}.
 */
public final class Libc {

    /** Why the bindings cannot be used, when they cannot. */
    public static final Optional<String> UNAVAILABLE_REASON;
    /** Whether the bindings can be used. */
    public static final boolean AVAILABLE;

    /** {@code AT_FDCWD}: resolve a path against the working directory. */
    public static final int AT_FDCWD = -100;
    /** {@code AT_SYMLINK_NOFOLLOW}. */
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    /** {@code AT_REMOVEDIR}: {@code unlinkat} removes an empty directory. */
    public static final int AT_REMOVEDIR = 0x200;
    /** {@code AT_NO_AUTOMOUNT}: do not trigger an automount while examining an entry. */
    public static final int AT_NO_AUTOMOUNT = 0x800;
    /** {@code AT_EMPTY_PATH}: {@code statx} on the descriptor itself. */
    public static final int AT_EMPTY_PATH = 0x1000;
    /** {@code O_RDONLY}. */
    public static final int O_RDONLY = 0;
    /** {@code O_NONBLOCK} (the same on both architectures). */
    public static final int O_NONBLOCK = 0x800;
    /** {@code O_CLOEXEC} (the same on both architectures). */
    public static final int O_CLOEXEC = 0x80000;
    /** {@code O_DIRECTORY} (differs between x86-64 and AArch64). */
    public static final int O_DIRECTORY;
    /** {@code O_NOFOLLOW} (differs between x86-64 and AArch64). */
    public static final int O_NOFOLLOW;
    // System call numbers: x86-64 has its own table, AArch64 the generic one.
    private static final long NR_OPENAT;
    private static final long NR_CLOSE;
    private static final long NR_GETDENTS64;
    private static final long NR_STATX;
    private static final long NR_UNLINKAT;
    private static final long NR_FLOCK;
    private static final long NR_RENAMEAT2;
    private static final long NR_LSEEK;
    private static final long NR_SYNCFS;
    private static final long NR_KILL;

    /** {@code LOCK_EX}. */
    public static final int LOCK_EX = 2;
    /** {@code LOCK_NB}. */
    public static final int LOCK_NB = 4;
    /** {@code LOCK_UN}. */
    public static final int LOCK_UN = 8;
    /** {@code RENAME_NOREPLACE}: {@code renameat2} fails with {@code EEXIST} instead of replacing. */
    public static final int RENAME_NOREPLACE = 1;
    /** {@code SEEK_DATA}: {@code lseek} to the next data at or after the offset. */
    public static final int SEEK_DATA = 3;
    /** {@code SEEK_HOLE}: {@code lseek} to the next hole at or after the offset. */
    public static final int SEEK_HOLE = 4;

    private static final Linker LINKER;
    private static final SymbolLookup LOOKUP;
    private static final Linker.Option CAPTURE_ERRNO;
    private static final VarHandle ERRNO;
    static final long CAPTURE_SIZE;

    static {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        O_DIRECTORY = arm ? 0x4000 : 0x10000;
        O_NOFOLLOW = arm ? 0x8000 : 0x20000;
        NR_OPENAT = arm ? 56 : 257;
        NR_CLOSE = arm ? 57 : 3;
        NR_GETDENTS64 = arm ? 61 : 217;
        NR_STATX = arm ? 291 : 332;
        NR_UNLINKAT = arm ? 35 : 263;
        NR_FLOCK = arm ? 32 : 73;
        NR_RENAMEAT2 = arm ? 276 : 316;
        NR_LSEEK = arm ? 62 : 8;
        NR_SYNCFS = arm ? 267 : 306;
        NR_KILL = arm ? 129 : 62;
        String reason = null;
        Linker linker = null;
        SymbolLookup lookup = null;
        Linker.Option capture = null;
        VarHandle errno = null;
        long captureSize = 0;
        if (!System.getProperty("os.name", "").equals("Linux")) {
            reason = "not Linux";
        } else if (!x86 && !arm) {
            reason = "unsupported architecture " + arch;
        } else if (!Libc.class.getModule().isNativeAccessEnabled()) {
            reason = "native access not granted (start the JVM with --enable-native-access="
                    + (Libc.class.getModule().isNamed() ? Libc.class.getModule().getName() : "ALL-UNNAMED") + ")";
        } else {
            try {
                linker = Linker.nativeLinker();
                lookup = linker.defaultLookup();
                capture = Linker.Option.captureCallState("errno");
                MemoryLayout layout = Linker.Option.captureStateLayout();
                errno = layout.varHandle(MemoryLayout.PathElement.groupElement("errno"));
                captureSize = layout.byteSize();
                if (lookup.find("syscall").isEmpty()) {
                    reason = "the C library has no syscall function";
                }
            } catch (RuntimeException e) {
                reason = "cannot bind the C library: " + e.getMessage();
            }
        }
        LINKER = linker;
        LOOKUP = lookup;
        CAPTURE_ERRNO = capture;
        ERRNO = errno;
        CAPTURE_SIZE = captureSize;
        if (reason == null) {
            reason = probe();
        }
        UNAVAILABLE_REASON = Optional.ofNullable(reason);
        AVAILABLE = reason == null;
    }

    private Libc() {
    }

    /**
     * All calls go through the C library's {@code syscall(number, ...)}: two bindings (with and without
     * {@code errno} capture) instead of one per function. Each binding costs class generation and JIT work at
     * first use, which a short-lived command pays on every run; the hot loop's {@code statx} uses the one
     * without capture (see {@link #statxOrErrno}).
     */
    private static final class Syscall {
        /** {@code long syscall(long number, ...)} with five arguments, all passed as {@code long}. */
        static final FunctionDescriptor SYSCALL =
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
        static final MethodHandle H = LINKER.downcallHandle(LOOKUP.find("syscall").orElseThrow(), SYSCALL,
                CAPTURE_ERRNO, Linker.Option.firstVariadicArg(1));
    }

    private static final class SyscallNoErrno {
        static final MethodHandle H = LINKER.downcallHandle(LOOKUP.find("syscall").orElseThrow(), Syscall.SYSCALL,
                Linker.Option.firstVariadicArg(1));
    }

    private static long call(Scratch s, long number, long a, long b, long c, long d, long e) {
        try {
            return (long) Syscall.H.invokeExact(s.capture(), number, a, b, c, d, e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Checks that {@code statx} works here (a kernel older than 4.11 says ENOSYS). */
    private static String probe() {
        try (Scratch scratch = Scratch.borrow()) {
            int rc = statx(scratch, AT_FDCWD, scratch.path("/"), 0, Statx.MASK, scratch.statAddress());
            return rc == 0 ? null : "statx does not work here: " + Errno.message(scratch.errno());
        }
    }

    /** {@code openat(dirfd, path, flags)}. */
    public static int openat(Scratch s, int dirfd, long path, int flags) {
        return (int) call(s, NR_OPENAT, dirfd, path, flags, 0, 0);
    }

    /** {@code close(fd)}. */
    public static int close(Scratch s, int fd) {
        return (int) call(s, NR_CLOSE, fd, 0, 0, 0, 0);
    }

    /** {@code getdents64(fd, buffer, size)}: bytes read, 0 at the end, -1 on error. */
    public static long getdents64(Scratch s, int fd, long buffer, long size) {
        return call(s, NR_GETDENTS64, fd, buffer, size, 0, 0);
    }

    /** {@code statx(dirfd, path, flags, mask, buffer)}. */
    public static int statx(Scratch s, int dirfd, long path, int flags, int mask, long buffer) {
        return (int) call(s, NR_STATX, dirfd, path, flags, mask, buffer);
    }

    /**
     * {@code statx} for the walk's hot loop: 0 on success; on failure it asks again with {@code errno} captured
     * and returns that {@code errno} (0 if the second attempt succeeded, e.g. the entry just appeared).
     */
    public static int statxOrErrno(Scratch s, int dirfd, long path, int flags, int mask, long buffer) {
        long rc;
        try {
            rc = (long) SyscallNoErrno.H.invokeExact(NR_STATX, (long) dirfd, path, (long) flags, (long) mask, buffer);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (rc == 0) {
            return 0;
        }
        return statx(s, dirfd, path, flags, mask, buffer) == 0 ? 0 : s.errno();
    }

    /** {@code unlinkat(dirfd, path, flags)}. */
    public static int unlinkat(Scratch s, int dirfd, long path, int flags) {
        return (int) call(s, NR_UNLINKAT, dirfd, path, flags, 0, 0);
    }

    /** {@code flock(fd, operation)}. */
    public static int flock(Scratch s, int fd, int operation) {
        return (int) call(s, NR_FLOCK, fd, operation, 0, 0, 0);
    }

    /** {@code renameat2(olddirfd, oldpath, newdirfd, newpath, flags)}. */
    public static int renameat2(Scratch s, int olddirfd, long oldpath, int newdirfd, long newpath, int flags) {
        return (int) call(s, NR_RENAMEAT2, olddirfd, oldpath, newdirfd, newpath, flags);
    }

    /** {@code lseek(fd, offset, whence)}: the new offset, -1 on error. */
    public static long lseek(Scratch s, int fd, long offset, int whence) {
        return call(s, NR_LSEEK, fd, offset, whence, 0, 0);
    }

    /** {@code syncfs(fd)}. */
    public static int syncfs(Scratch s, int fd) {
        return (int) call(s, NR_SYNCFS, fd, 0, 0, 0, 0);
    }

    /** {@code kill(pid, signal)}. */
    public static int kill(Scratch s, int pid, int signal) {
        return (int) call(s, NR_KILL, pid, signal, 0, 0, 0);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
