package dev.cachectl.core.fs.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line reasons for I/O failures, worded like the C library's {@code strerror}. */
public final class IoMessages {

    private IoMessages() {
    }

    /** Why {@code e} happened, without the path (which the caller reports beside it). */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return switch (e) {
            case AccessDeniedException ignored -> "Permission denied";
            case NoSuchFileException ignored -> "No such file or directory";
            case NotDirectoryException ignored -> "Not a directory";
            case DirectoryNotEmptyException ignored -> "Directory not empty";
            case FileSystemLoopException ignored -> "Too many levels of symbolic links";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
