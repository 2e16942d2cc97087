package dev.cachectl.core.delete;

import dev.cachectl.core.fs.linux.Errno;
import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.fs.linux.Scratch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The platform's {@link LockProbe}: it asks about a lock file the way the processes that write caches lock them.
 * huggingface_hub (through Python's {@code filelock}) takes {@code flock(2)} locks on Linux; Java's
 * {@link FileChannel#lock} takes {@code fcntl} record locks, which on Linux neither see nor are seen by
 * {@code flock} locks. So on Linux the probe calls {@code flock} itself: it opens the file read-only (never
 * following a symbolic link, never blocking), tries {@code LOCK_EX|LOCK_NB} and releases at once.
 *
 * <p>Elsewhere, or where native access is not granted, it tries a shared NIO lock: a conflict means
 * {@link LockState#HELD}; no conflict means {@link LockState#FREE} on Windows (where Python's locks and Java's
 * are the same kind) and {@link LockState#UNKNOWN} on other systems, where an {@code flock} holder is invisible
 * to it.
 */
final class SystemLockProbe implements LockProbe {

    static final SystemLockProbe INSTANCE = new SystemLockProbe();

    private SystemLockProbe() {
    }

    @Override
    public LockState probe(Path lockFile) throws IOException {
        return Libc.AVAILABLE ? probeWithFlock(lockFile) : probeWithNio(lockFile);
    }

    /** The Linux probe: {@code flock(LOCK_EX|LOCK_NB)} on a read-only descriptor, released immediately. */
    static LockState probeWithFlock(Path lockFile) throws IOException {
        try (Scratch s = Scratch.borrow()) {
            long path;
            try {
                path = s.path(lockFile.toAbsolutePath().toString());
            } catch (IllegalArgumentException tooLong) {
                throw new FileSystemException(lockFile.toString(), null, "File name too long");
            }
            int fd = Libc.openat(s, Libc.AT_FDCWD, path,
                    Libc.O_RDONLY | Libc.O_NOFOLLOW | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (fd < 0) {
                int errno = s.errno();
                throw errno == Errno.ELOOP
                        ? new FileSystemException(lockFile.toString(), null, "is a symbolic link, not a lock file")
                        : Errno.exception(errno, lockFile.toString());
            }
            try {
                int rc;
                do {
                    rc = Libc.flock(s, fd, Libc.LOCK_EX | Libc.LOCK_NB);
                } while (rc != 0 && s.errno() == Errno.EINTR);
                if (rc == 0) {
                    Libc.flock(s, fd, Libc.LOCK_UN);
                    return LockState.FREE;
                }
                return s.errno() == Errno.EAGAIN ? LockState.HELD : LockState.UNKNOWN;
            } finally {
                Libc.close(s, fd);
            }
        }
    }

    /** The portable probe: a shared NIO lock (an fcntl lock on Unix, LockFileEx on Windows). */
    static LockState probeWithNio(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException ownedHere) {
                return LockState.HELD;
            }
            if (lock == null) {
                return LockState.HELD;
            }
            lock.release();
            boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
            return windows ? LockState.FREE : LockState.UNKNOWN;
        }
    }
}
