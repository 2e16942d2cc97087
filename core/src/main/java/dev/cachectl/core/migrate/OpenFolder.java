package dev.cachectl.core.migrate;

import dev.cachectl.core.fs.linux.Errno;
import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.fs.linux.Scratch;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open directory, so that the copier works on trees of any depth: on Linux the folder is held by a
 * descriptor (opened relative to its parent's, never following a link) and its entries are named through
 * it as {@code /proc/self/fd/<fd>/<name>}, a short path however deep the folder lies, so the plain NIO calls
 * (open, mkdir, symlink, readlink, link, utimensat, chmod, lstat) keep working past {@code PATH_MAX}, where a
 * call given the full path fails with "File name too long". The entry's final component is resolved by the
 * kernel as usual: a {@code NOFOLLOW} call does not follow it. Where there is no descriptor to be had (no
 * native access, not Linux, no {@code /proc}), the folder's full path is used, which works up to
 * {@code PATH_MAX}.
 */
final class OpenFolder implements AutoCloseable {

    /** Below this many bytes a full path is handed to the kernel as it is (PATH_MAX is 4096). */
    private static final int SHORT = 3072;
    private static final int OPEN_FLAGS = Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC;
    private static final boolean DESCRIPTORS = Libc.AVAILABLE && Files.isDirectory(Path.of("/proc/self/fd"));

    private final Path logical;
    private final int fd;
    private final Path handle;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpenFolder(Path logical, int fd) {
        this.logical = logical;
        this.fd = fd;
        this.handle = fd < 0 ? logical : Path.of("/proc/self/fd/" + fd);
    }

    /**
     * Opens {@code directory} (links in its path are followed, as any path lookup does); a path too long for
     * one lookup is opened component by component.
     */
    static OpenFolder open(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!DESCRIPTORS) {
            if (!Files.isDirectory(absolute)) {
                throw new NotDirectoryException(absolute.toString());
            }
            return new OpenFolder(absolute, -1);
        }
        Path prefix = absolute;
        while (bytes(prefix) >= SHORT && prefix.getParent() != null) {
            prefix = prefix.getParent();
        }
        OpenFolder folder;
        try (Scratch s = Scratch.borrow()) {
            int fd = Libc.openat(s, Libc.AT_FDCWD, s.path(prefix.toString()), OPEN_FLAGS);
            if (fd < 0) {
                throw Errno.exception(s.errno(), prefix.toString());
            }
            folder = new OpenFolder(prefix, fd);
        }
        for (Path name : prefix.relativize(absolute)) {
            if (name.toString().isEmpty()) {
                continue;
            }
            OpenFolder next;
            try {
                next = folder.child(name.toString());
            } finally {
                folder.close();
            }
            folder = next;
        }
        return folder;
    }

    /** A call on one path. */
    interface PathCall<T> {
        T apply(Path path) throws IOException;
    }

    /**
     * Runs {@code call} on {@code path}: as it is when it is short enough for the kernel, else on the short
     * name of its entry in its open parent folder.
     */
    static <T> T at(Path path, PathCall<T> call) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (!DESCRIPTORS || bytes(absolute) < SHORT || absolute.getParent() == null) {
            return call.apply(absolute);
        }
        try (OpenFolder parent = open(absolute.getParent())) {
            return call.apply(parent.entry(absolute.getFileName().toString()));
        }
    }

    private static int bytes(Path path) {
        return path.toString().getBytes(Scratch.FileNames.CHARSET).length;
    }

    /** Opens the subfolder {@code name}, failing when it is not a folder (a symbolic link included). */
    OpenFolder child(String name) throws IOException {
        Path full = logical.resolve(name);
        if (fd < 0) {
            if (!Files.isDirectory(full, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotDirectoryException(full.toString());
            }
            return new OpenFolder(full, -1);
        }
        try (Scratch s = Scratch.borrow()) {
            int child = Libc.openat(s, fd, s.path(name), OPEN_FLAGS | Libc.O_NOFOLLOW);
            if (child < 0) {
                int errno = s.errno();
                throw errno == Errno.ELOOP ? new NotDirectoryException(full.toString()) : Errno.exception(errno,
                        full.toString());
            }
            return new OpenFolder(full, child);
        } catch (IllegalArgumentException e) {
            throw new FileSystemException(full.toString(), null, "File name too long");
        }
    }

    /** A short path naming the entry {@code name} of this folder, for NIO calls. */
    Path entry(String name) {
        return handle.resolve(name);
    }

    /** The entry's full path, for messages and records. */
    Path logical(String name) {
        return logical.resolve(name);
    }

    /** The names in the folder, sorted. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(handle)) {
            stream.forEach(p -> names.add(p.getFileName().toString()));
        } catch (FileSystemException e) {
            throw new FileSystemException(logical.toString(), null, SourcePlanner.message(e));
        }
        names.sort(null);
        return names;
    }

    /** Closes the descriptor; closing again does nothing (the number may already name another file). */
    @Override
    public void close() {
        if (fd >= 0 && !closed.getAndSet(true)) {
            try (Scratch s = Scratch.borrow()) {
                Libc.close(s, fd);
            }
        }
    }
}
