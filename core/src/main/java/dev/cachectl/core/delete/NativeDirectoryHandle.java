package dev.cachectl.core.delete;

import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.linux.Dirents;
import dev.cachectl.core.fs.linux.Errno;
import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.fs.linux.Scratch;
import dev.cachectl.core.fs.linux.Statx;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DirectoryHandle} on a Linux directory descriptor: {@code getdents64}, {@code statx},
 * {@code openat(O_NOFOLLOW|O_DIRECTORY)} and {@code unlinkat}, all relative to the descriptor, through
 * {@code java.lang.foreign}. Names are raw bytes, so any file name works. Thread-safe: every call borrows its
 * own native buffers.
 */
final class NativeDirectoryHandle implements DirectoryHandle<byte[]> {

    private static final int OPEN_FLAGS = Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC;
    private static final byte[] EMPTY = {};
    private static final byte[] DOT_DOT = {'.', '.'};

    /** Opens the root, refusing one that is itself a symbolic link. */
    static final HandleOpener<byte[]> OPENER = root -> {
        String path = root.toAbsolutePath().toString();
        try (Scratch s = Scratch.borrow()) {
            long address = s.path(path);
            int fd = Libc.openat(s, Libc.AT_FDCWD, address, OPEN_FLAGS);
            if (fd < 0) {
                int errno = s.errno();
                // O_DIRECTORY|O_NOFOLLOW on a link says ENOTDIR or ELOOP, depending on the kernel's order of checks
                boolean link = (errno == Errno.ELOOP || errno == Errno.ENOTDIR)
                        && Libc.statx(s, Libc.AT_FDCWD, address, Statx.NO_FOLLOW, Statx.MASK, s.statAddress()) == 0
                        && Statx.type(s.statWords()) == Statx.S_IFLNK;
                if (link) {
                    throw new FileSystemException(root.toString(), null,
                            "is a symbolic link; pass the directory it points to (Path.toRealPath()) after checking it");
                }
                throw Errno.exception(errno, root.toString());
            }
            return new NativeDirectoryHandle(fd);
        } catch (IllegalArgumentException tooLong) {
            throw new FileSystemException(root.toString(), null, "File name too long");
        }
    };

    private final int fd;
    private boolean closed;

    private NativeDirectoryHandle(int fd) {
        this.fd = fd;
    }

    @Override
    public EntryStat self() throws IOException {
        return statAt(EMPTY, Libc.AT_EMPTY_PATH);
    }

    @Override
    public List<byte[]> nextNames(int max) throws IOException {
        // one getdents64 call per batch (about a thousand names, whatever max says): the kernel keeps our place
        List<byte[]> names = new ArrayList<>();
        try (Scratch s = Scratch.borrow()) {
            while (names.isEmpty()) {
                long n = Dirents.readBatch(s, fd, (buffer, offset, address) -> names.add(Dirents.name(buffer, offset)));
                if (n == 0) {
                    break;
                }
                if (n < 0) {
                    throw Errno.exception((int) -n, "directory");
                }
            }
        }
        return names;
    }

    @Override
    public EntryStat stat(byte[] name) throws IOException {
        return statAt(name, Statx.NO_FOLLOW);
    }

    private EntryStat statAt(byte[] name, int flags) throws IOException {
        try (Scratch s = Scratch.borrow()) {
            if (Libc.statx(s, fd, s.name(name), flags, Statx.MASK, s.statAddress()) != 0) {
                throw Errno.exception(s.errno(), decode(name));
            }
            return Statx.toEntryStat(s.statWords());
        }
    }

    @Override
    public DirectoryHandle<byte[]> openDirectory(byte[] name) throws IOException {
        return open(name);
    }

    @Override
    public DirectoryHandle<byte[]> openParent() throws IOException {
        return open(DOT_DOT);
    }

    private NativeDirectoryHandle open(byte[] name) throws IOException {
        try (Scratch s = Scratch.borrow()) {
            int child = Libc.openat(s, fd, s.name(name), OPEN_FLAGS);
            if (child < 0) {
                int errno = s.errno();
                if (errno == Errno.ELOOP || errno == Errno.ENOTDIR) {
                    throw new NotDirectoryException(decode(name));
                }
                throw Errno.exception(errno, decode(name));
            }
            return new NativeDirectoryHandle(child);
        }
    }

    @Override
    public void deleteFile(byte[] name) throws IOException {
        unlink(name, 0);
    }

    @Override
    public void deleteDirectory(byte[] name) throws IOException {
        unlink(name, Libc.AT_REMOVEDIR);
    }

    private void unlink(byte[] name, int flags) throws IOException {
        try (Scratch s = Scratch.borrow()) {
            if (Libc.unlinkat(s, fd, s.name(name), flags) != 0) {
                throw Errno.exception(s.errno(), decode(name));
            }
        }
    }

    @Override
    public boolean lockExclusive(boolean wait) throws IOException {
        try (Scratch s = Scratch.borrow()) {
            int operation = Libc.LOCK_EX | (wait ? 0 : Libc.LOCK_NB);
            int rc;
            do {
                rc = Libc.flock(s, fd, operation);
            } while (rc != 0 && s.errno() == Errno.EINTR);
            if (rc == 0) {
                return true;
            }
            if (s.errno() == Errno.EAGAIN) {
                return false;
            }
            throw Errno.exception(s.errno(), "directory");
        }
    }

    @Override
    public String decode(byte[] name) {
        return new String(name, Scratch.FileNames.CHARSET);
    }

    @Override
    public byte[] encode(String name) {
        return name.getBytes(Scratch.FileNames.CHARSET);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try (Scratch s = Scratch.borrow()) {
                Libc.close(s, fd);
            }
        }
    }
}
