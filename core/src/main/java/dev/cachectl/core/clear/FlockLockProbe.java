package dev.cachectl.core.clear;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Probes locks the way their owners take them. huggingface_hub locks downloads with Python's
 * {@code filelock}, which uses {@code flock(2)}; on Linux those locks are invisible to
 * {@link FileChannel#tryLock()} (an {@code fcntl} record lock), so on POSIX systems this calls {@code flock}
 * through {@code java.lang.foreign}: try {@code LOCK_EX|LOCK_NB} on a read-only descriptor and release at
 * once. Elsewhere (Windows) {@code FileChannel.tryLock} sees the same locks other programs take.
 * When in doubt (the file cannot be opened) a lock counts as held: keeping a file is the safe mistake.
 */
public final class FlockLockProbe implements LockProbe {

    private static final int O_RDONLY = 0;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int LOCK_UN = 8;

    private final Optional<Native> posix;

    private FlockLockProbe(Optional<Native> posix) {
        this.posix = posix;
    }

    /** The probe for this platform. */
    public static FlockLockProbe create() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return new FlockLockProbe(Optional.empty());
        }
        try {
            return new FlockLockProbe(Optional.of(Native.bind()));
        } catch (RuntimeException | LinkageError e) {
            // No native access (e.g. denied by --illegal-native-access): fall back to what NIO sees.
            return new FlockLockProbe(Optional.empty());
        }
    }

    @Override
    public boolean isHeld(Path lockFile) {
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return posix.map(n -> n.held(lockFile)).orElseGet(() -> heldForNio(lockFile));
    }

    private static boolean heldForNio(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /** The three libc calls, bound once. */
    private record Native(MethodHandle open, MethodHandle flock, MethodHandle close) {

        static Native bind() {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                    Linker.Option.firstVariadicArg(2));
            MethodHandle flock = linker.downcallHandle(libc.find("flock").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return new Native(open, flock, close);
        }

        boolean held(Path lockFile) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment path = arena.allocateFrom(lockFile.toString());
                int fd = (int) open.invokeExact(path, O_RDONLY);
                if (fd < 0) {
                    return Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS);
                }
                try {
                    if ((int) flock.invokeExact(fd, LOCK_EX | LOCK_NB) != 0) {
                        return true;
                    }
                    // Closing would release it too; unlocking first keeps the window as short as possible.
                    int unlocked = (int) flock.invokeExact(fd, LOCK_UN);
                    return false;
                } finally {
                    int closed = (int) close.invokeExact(fd);
                }
            } catch (Throwable e) {
                return true;
            }
        }
    }
}
