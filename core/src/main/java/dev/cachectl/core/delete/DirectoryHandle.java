package dev.cachectl.core.delete;

import dev.cachectl.core.fs.internal.EntryStat;
import java.io.IOException;
import java.util.List;

/**
 * An open directory that a deleter works relative to: every operation names an entry directly inside it and
 * none follows a symbolic link, so renaming or replacing anything above it cannot redirect the deletion.
 * Failures are {@link IOException}s of the usual {@code java.nio.file} types
 * ({@link java.nio.file.NoSuchFileException} for an entry that is gone).
 *
 * @param <N> how the implementation names entries (raw bytes, or a one-segment path)
 */
interface DirectoryHandle<N> extends AutoCloseable {

    /** This directory's own attributes, read from the open handle. */
    EntryStat self() throws IOException;

    /** Up to {@code max} further entry names ({@code .} and {@code ..} excluded); empty when all were read. */
    List<N> nextNames(int max) throws IOException;

    /** The entry's attributes, not following a symbolic link. */
    EntryStat stat(N name) throws IOException;

    /**
     * Opens the subdirectory {@code name}; fails with {@link java.nio.file.NotDirectoryException} or
     * {@link java.nio.file.FileSystemLoopException} when it is not a directory (a symbolic link included).
     */
    DirectoryHandle<N> openDirectory(N name) throws IOException;

    /** Opens this directory's parent ({@code ..}); the caller checks it is the directory it expects. */
    DirectoryHandle<N> openParent() throws IOException;

    /** Removes a non-directory entry (a symbolic link itself, never its target). */
    void deleteFile(N name) throws IOException;

    /** Removes an empty subdirectory. */
    void deleteDirectory(N name) throws IOException;

    /** The entry's name as text. */
    String decode(N name);

    /** The entry name for a text segment. */
    N encode(String name);

    /**
     * Takes an exclusive advisory lock on this directory ({@code flock}), held until the handle is closed:
     * {@code true} when it is held, {@code false} when another process holds it and {@code wait} is false.
     * Where the platform cannot lock directories this returns {@code true} without locking.
     */
    boolean lockExclusive(boolean wait) throws IOException;

    /** Releases the handle. */
    @Override
    void close();
}
