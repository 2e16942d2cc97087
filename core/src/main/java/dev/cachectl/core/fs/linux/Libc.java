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
 * The few Linux C library calls the fast walkers need, bound through {@code java.lang.foreign}: {@code openat},
 * {@code close}, {@code getdents64}, {@code statx}, {@code unlinkat} and {@code flock}. Each returns the raw
 * result; on failure the {@code errno} is in the caller's {@link Scratch}.
 *
 * <p>Pointer arguments are passed as raw addresses ({@code long}), which the x86-64 and AArch64 calling
 * conventions pass exactly like pointers: the hot loops then call without creating a segment per entry.
 * Everything here is used only where {@link #AVAILABLE}: Linux on x86-64 or AArch64, a JVM that grants this
 * module native access (so no warning is ever printed), and a C library with these symbols.
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
    /** {@code LOCK_EX}. */
    public static final int LOCK_EX = 2;
    /** {@code LOCK_NB}. */
    public static final int LOCK_NB = 4;
    /** {@code LOCK_UN}. */
    public static final int LOCK_UN = 8;

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
                for (String symbol : new String[] {"openat", "close", "getdents64", "statx", "unlinkat", "flock"}) {
                    if (lookup.find(symbol).isEmpty()) {
                        reason = "the C library has no " + symbol + " (glibc 2.30 or later is needed)";
                    }
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
     * Binds one function. Each binding costs milliseconds of class generation at first use, so each lives in its
     * own holder class and is bound only when a walker first calls it (a scan never binds unlinkat or flock).
     */
    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LOOKUP.find(name).orElseThrow(), descriptor, CAPTURE_ERRNO);
    }

    private static final class Openat {
        static final MethodHandle H = bind("openat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
    }

    private static final class Close {
        static final MethodHandle H = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class Getdents64 {
        static final MethodHandle H = bind("getdents64", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
    }

    private static final class StatxCall {
        static final MethodHandle H = bind("statx",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG));
    }

    private static final class Unlinkat {
        static final MethodHandle H = bind("unlinkat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
    }

    private static final class Flock {
        static final MethodHandle H = bind("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
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
        try {
            return (int) Openat.H.invokeExact(s.capture(), dirfd, path, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code close(fd)}. */
    public static int close(Scratch s, int fd) {
        try {
            return (int) Close.H.invokeExact(s.capture(), fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code getdents64(fd, buffer, size)}: bytes read, 0 at the end, -1 on error. */
    public static long getdents64(Scratch s, int fd, long buffer, long size) {
        try {
            return (long) Getdents64.H.invokeExact(s.capture(), fd, buffer, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code statx(dirfd, path, flags, mask, buffer)}. */
    public static int statx(Scratch s, int dirfd, long path, int flags, int mask, long buffer) {
        try {
            return (int) StatxCall.H.invokeExact(s.capture(), dirfd, path, flags, mask, buffer);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code unlinkat(dirfd, path, flags)}. */
    public static int unlinkat(Scratch s, int dirfd, long path, int flags) {
        try {
            return (int) Unlinkat.H.invokeExact(s.capture(), dirfd, path, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code flock(fd, operation)}. */
    public static int flock(Scratch s, int fd, int operation) {
        try {
            return (int) Flock.H.invokeExact(s.capture(), fd, operation);
        } catch (Throwable t) {
            throw rethrow(t);
        }
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
