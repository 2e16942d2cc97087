package dev.cachectl.core.delete;

import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.log.DebugLog;
import dev.cachectl.core.scan.ScanImplementation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Deletes inside a root directory, race-safely: every step is relative to an open directory
 * ({@code openat}/{@code unlinkat}, or NIO's {@link java.nio.file.SecureDirectoryStream}), no symbolic link is
 * ever followed (a link is removed as a link, its target untouched wherever it points), nothing outside the
 * root is touched, and other file systems mounted below the root are not entered. Entries that vanish meanwhile
 * are skipped; an entry that cannot be removed is reported and the rest is deleted. Protected paths and the
 * caller's {@link KeepRule}s keep entries (with everything below them). The walk is iterative with a bounded
 * number of open directories, so any depth works.
 *
 * <p>A dry run walks exactly like a real run and reports the same entries, sizes and kept paths; only
 * failures that a real removal meets (e.g. permission denied) can differ.
 */
public final class TreeDeleter {

    private final DeletionEngine<?> engine;
    private final ScanImplementation implementation;

    private TreeDeleter(DeletionEngine<?> engine, ScanImplementation implementation) {
        this.engine = engine;
        this.implementation = implementation;
    }

    /** The best deleter for this platform: {@link #linuxNative()} where possible, else {@link #nio()}. */
    public static TreeDeleter create() {
        TreeDeleter deleter = linuxNative().orElseGet(TreeDeleter::nio);
        DebugLog.debug(TreeDeleter.class, "deleter: {}", deleter.implementation == ScanImplementation.LINUX_NATIVE
                ? "Linux system calls (java.lang.foreign)" : "java.nio.file secure directory streams (the"
                + " Linux system-call deleter needs Linux on x86-64 or AArch64 and native access)");
        return deleter;
    }

    /**
     * The Linux deleter ({@code openat}, {@code statx}, {@code unlinkat} through {@code java.lang.foreign}), when
     * this is Linux on x86-64 or AArch64 and the JVM grants {@code dev.cachectl.core} native access. It sees link
     * counts (hard-linked files count once) and mount points (never entered).
     */
    public static Optional<TreeDeleter> linuxNative() {
        return Libc.AVAILABLE
                ? Optional.of(new TreeDeleter(new DeletionEngine<>(NativeDirectoryHandle.OPENER),
                        ScanImplementation.LINUX_NATIVE))
                : Optional.empty();
    }

    /**
     * The portable deleter on {@link java.nio.file.SecureDirectoryStream}. It cannot see link counts (a
     * hard-linked file's bytes are counted once per name); it does not cross a mount point where the file system
     * has the {@code unix} attribute view (Linux, macOS), which gives each directory's device.
     * Where the platform has no secure directory streams, every deletion fails with an {@link IOException}
     * rather than fall back to path-based removal.
     */
    public static TreeDeleter nio() {
        return new TreeDeleter(new DeletionEngine<>(SecureStreamHandle.OPENER), ScanImplementation.NIO);
    }

    /** How this deleter reaches the file system. */
    public ScanImplementation implementation() {
        return implementation;
    }

    /**
     * Deletes everything inside {@code root} and keeps {@code root} itself (a clear). Each entry of the root is
     * reported separately, by name.
     *
     * @throws IOException when {@code root} cannot be opened as a directory, or is a symbolic link (resolve it
     *                     with {@link Path#toRealPath} and check the result first, if clearing its target is
     *                     meant)
     */
    public DeletionReport clearContents(Path root, DeletionRequest request) throws IOException {
        return engine.clearContents(root, request);
    }

    /**
     * Pins {@code directory} for a later {@link #clearContents(PinnedDirectory, DeletionRequest)}: resolves its
     * real path and records which directory is there.
     *
     * @throws IOException when it does not exist or cannot be opened as a directory
     */
    public PinnedDirectory pin(Path directory) throws IOException {
        return engine.pin(directory);
    }

    /**
     * Locks a pinned directory against other cachectl commands that delete or move in it: empty when another
     * process holds the lock and {@code wait} is false, else the lock (after waiting for it when {@code wait}).
     *
     * @throws DirectoryChangedException when the directory at the real path is no longer the pinned one
     */
    public Optional<DirectoryLock> lock(PinnedDirectory directory, boolean wait) throws IOException {
        return engine.lock(directory, wait);
    }

    /**
     * As {@link #clearContents(Path, DeletionRequest)} on a pinned directory: opens its real path and deletes
     * only when that is still the directory that was pinned.
     *
     * @throws DirectoryChangedException when it is not (nothing is deleted then)
     */
    public DeletionReport clearContents(PinnedDirectory directory, DeletionRequest request) throws IOException {
        return engine.clearContents(directory, request);
    }

    /**
     * Deletes the given entries below {@code root}, each with everything below it. The paths are relative to
     * the root, {@code /}-separated, without {@code .} or {@code ..}; a directory on the way that is a symbolic
     * link stops that entry with an error. Entries that do not exist are skipped silently.
     *
     * @throws IllegalArgumentException when a path is empty, absolute or contains {@code .} or {@code ..}
     * @throws IOException              when {@code root} cannot be opened as a directory, or is a symbolic link
     */
    public DeletionReport deleteEntries(Path root, List<String> relativePaths, DeletionRequest request)
            throws IOException {
        relativePaths.forEach(RelativePaths::segments);
        return engine.deleteEntries(root, relativePaths, request);
    }

    /**
     * As {@link #deleteEntries(Path, List, DeletionRequest)} below a pinned directory: opens its real path and
     * deletes only when that is still the directory that was pinned.
     *
     * @throws DirectoryChangedException when it is not (nothing is deleted then)
     */
    public DeletionReport deleteEntries(PinnedDirectory root, List<String> relativePaths, DeletionRequest request)
            throws IOException {
        relativePaths.forEach(RelativePaths::segments);
        return engine.deleteEntries(root, relativePaths, request);
    }
}
