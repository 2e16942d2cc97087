package dev.cachectl.core.fs.linux;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file calls NIO does not offer and a safe copy or move needs, on {@link Libc}: a rename that never replaces
 * ({@code renameat2(RENAME_NOREPLACE)}), the data extents of a sparse file ({@code lseek(SEEK_DATA/SEEK_HOLE)})
 * and one flush for a whole written tree ({@code syncfs}). Each reports "unsupported" instead of failing where
 * the bindings are not {@linkplain Libc#AVAILABLE available} or the file system lacks the call, and the caller
 * falls back to portable NIO. Paths must fit in {@code PATH_MAX}; deeper ones are shortened by the caller (for
 * example through {@code /proc/self/fd}).
 */
public final class PosixFiles {

    private PosixFiles() {
    }

    /** Whether the calls are available (the same check as every other native call: {@link Libc#AVAILABLE}). */
    public static boolean available() {
        return Libc.AVAILABLE;
    }

    /** The outcome of a rename that must not replace its target. */
    public enum RenameResult {
        /** Renamed. */
        DONE,
        /** Nothing renamed: the target exists. */
        TARGET_EXISTS,
        /** Nothing renamed: source and target are on different file systems. */
        CROSS_DEVICE,
        /** Nothing renamed: no such call here; rename portably instead. */
        UNSUPPORTED
    }

    /** {@code renameat2(from, to, RENAME_NOREPLACE)}: atomic, and fails instead of replacing {@code to}. */
    public static RenameResult renameNoReplace(Path from, Path to) throws IOException {
        if (!Libc.AVAILABLE) {
            return RenameResult.UNSUPPORTED;
        }
        try (Scratch s = Scratch.borrow()) {
            int rc = Libc.renameat2(s, Libc.AT_FDCWD, s.path(from.toString()), Libc.AT_FDCWD,
                    s.secondPath(to.toString()), Libc.RENAME_NOREPLACE);
            if (rc == 0) {
                return RenameResult.DONE;
            }
            int errno = s.errno();
            return switch (errno) {
                case Errno.EEXIST, Errno.ENOTEMPTY -> RenameResult.TARGET_EXISTS;
                case Errno.EXDEV -> RenameResult.CROSS_DEVICE;
                // The file system or kernel does not know the flag: the caller falls back to NIO.
                case Errno.EINVAL, Errno.ENOSYS -> RenameResult.UNSUPPORTED;
                default -> throw new IOException("rename " + from + " -> " + to + " failed: " + Errno.message(errno));
            };
        } catch (IllegalArgumentException tooLong) {
            throw new FileSystemException(from.toString(), to.toString(), "File name too long");
        }
    }

    /**
     * The data extents ({@code [start, end)} pairs) of a regular file, found with {@code SEEK_DATA} and
     * {@code SEEK_HOLE}; empty when the platform or file system cannot tell, in which case the caller treats the
     * whole file as data.
     */
    public static Optional<List<long[]>> dataExtents(Path file, long size) {
        if (!Libc.AVAILABLE) {
            return Optional.empty();
        }
        try (Scratch s = Scratch.borrow()) {
            int fd = Libc.openat(s, Libc.AT_FDCWD, s.path(file.toString()),
                    Libc.O_RDONLY | Libc.O_CLOEXEC | Libc.O_NOFOLLOW);
            if (fd < 0) {
                return Optional.empty();
            }
            try {
                List<long[]> extents = new ArrayList<>();
                long offset = 0;
                while (offset < size) {
                    long data = Libc.lseek(s, fd, offset, Libc.SEEK_DATA);
                    if (data < 0) {
                        // ENXIO: no data after offset (the rest is a hole); anything else: unsupported.
                        return s.errno() == Errno.ENXIO ? Optional.of(extents) : Optional.empty();
                    }
                    long hole = Libc.lseek(s, fd, data, Libc.SEEK_HOLE);
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
                Libc.close(s, fd);
            }
        } catch (IllegalArgumentException tooLong) {
            // Costs only the hole detection: the caller copies every byte instead.
            return Optional.empty();
        }
    }

    /**
     * {@code syncfs} on the file system holding {@code directory}: flushes the data and metadata of every file
     * written there. False when unavailable, so the caller fsyncs file by file.
     */
    public static boolean syncFileSystem(Path directory) {
        if (!Libc.AVAILABLE) {
            return false;
        }
        try (Scratch s = Scratch.borrow()) {
            int fd = Libc.openat(s, Libc.AT_FDCWD, s.path(directory.toString()),
                    Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC);
            if (fd < 0) {
                return false;
            }
            try {
                int rc;
                do {
                    rc = Libc.syncfs(s, fd);
                } while (rc != 0 && s.errno() == Errno.EINTR);
                return rc == 0;
            } finally {
                Libc.close(s, fd);
            }
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }
}
