package dev.cachectl.core.fs.linux;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Linux {@code errno} values the walkers act on, their messages, and the matching NIO exceptions. */
public final class Errno {

    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** Interrupted system call. */
    public static final int EINTR = 4;
    /** No such device or address ({@code lseek(SEEK_DATA)} past the last data). */
    public static final int ENXIO = 6;
    /** File exists. */
    public static final int EEXIST = 17;
    /** Invalid cross-device link. */
    public static final int EXDEV = 18;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Function not implemented. */
    public static final int ENOSYS = 38;
    /** Resource temporarily unavailable (also EWOULDBLOCK). */
    public static final int EAGAIN = 11;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** Not a directory. */
    public static final int ENOTDIR = 20;
    /** Is a directory. */
    public static final int EISDIR = 21;
    /** Too many levels of symbolic links (O_NOFOLLOW on a link). */
    public static final int ELOOP = 40;
    /** Directory not empty. */
    public static final int ENOTEMPTY = 39;

    private Errno() {
    }

    /** The C library's message for {@code errno} (English, whatever the locale). */
    public static String message(int errno) {
        return switch (errno) {
            case EPERM -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case EINTR -> "Interrupted system call";
            case 5 -> "Input/output error";
            case 9 -> "Bad file descriptor";
            case EAGAIN -> "Resource temporarily unavailable";
            case 12 -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case 16 -> "Device or resource busy";
            case EXDEV -> "Invalid cross-device link";
            case 19 -> "No such device";
            case ENOTDIR -> "Not a directory";
            case EISDIR -> "Is a directory";
            case 22 -> "Invalid argument";
            case 23 -> "Too many open files in system";
            case 24 -> "Too many open files";
            case 30 -> "Read-only file system";
            case 36 -> "File name too long";
            case 38 -> "Function not implemented";
            case ENOTEMPTY -> "Directory not empty";
            case ELOOP -> "Too many levels of symbolic links";
            case 116 -> "Stale file handle";
            default -> "error " + errno;
        };
    }

    /** The NIO exception for a failed call on {@code path}. */
    public static IOException exception(int errno, String path) {
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(path);
            case EACCES, EPERM -> new AccessDeniedException(path, null, message(errno));
            case ENOTDIR -> new NotDirectoryException(path);
            case ENOTEMPTY -> new DirectoryNotEmptyException(path);
            default -> new FileSystemException(path, null, message(errno));
        };
    }
}
