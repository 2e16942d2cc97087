package dev.cachectl.core.scan;

import dev.cachectl.core.log.DebugLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Measures directory trees like GNU du, in parallel: {@code du -s -b} and {@code du -s -B1} figures, file,
 * directory and link counts and the newest modification, with hard-linked files counted once and symbolic
 * links never followed below the root. Memory grows with the depth of the tree and the number of threads
 * (and the hard-linked files met), not with the number of files. Unreadable entries are collected as
 * {@link ScanError}s while the rest is measured; entries that vanish during the walk are skipped.
 *
 * <p>The root itself is resolved like {@code du -s DIR/}: when it is a symbolic link, the directory it
 * points to is measured. A scanner is stateless and thread-safe; each call runs its own bounded pool.
 *
 * <pre>{@code
 * TreeScanner scanner = TreeScanner.create();
 * TreeUsage hub = scanner.scan(hfHome);
 * DirectoryUsage byEntry = scanner.scanEntries(hfHome);   // per-entry figures from one walk
 * }</pre>
 */
public sealed interface TreeScanner permits NioTreeScanner, NativeTreeScanner {

    /** The fastest scanner this platform and JVM allow: {@link ScanImplementation#LINUX_NATIVE} where possible. */
    static TreeScanner create() {
        TreeScanner scanner = linuxNative().orElseGet(TreeScanner::nio);
        DebugLog.debug(TreeScanner.class, "scanner: {}", scanner.implementation() == ScanImplementation.LINUX_NATIVE
                ? "Linux system calls (java.lang.foreign)" : "java.nio.file (allocated sizes estimated; the"
                + " Linux system-call scanner needs Linux on x86-64 or AArch64 and native access)");
        return scanner;
    }

    /** The portable scanner on {@code java.nio.file} (allocated bytes are estimated). */
    static TreeScanner nio() {
        return new NioTreeScanner();
    }

    /**
     * The Linux system-call scanner, when this is Linux on x86-64 or AArch64 and the JVM grants
     * {@code dev.cachectl.core} native access ({@code --enable-native-access=dev.cachectl.core}).
     */
    static Optional<TreeScanner> linuxNative() {
        return NativeTreeScanner.available() ? Optional.of(new NativeTreeScanner()) : Optional.empty();
    }

    /**
     * Gets the fast scanner ready on a background daemon thread: binds the system calls and walks a small tree
     * (the JDK's own directory) so the walk's code is compiled. A command that will scan calls this first
     * thing, and the work overlaps with its config loading; calling it more than once is harmless.
     */
    static void warmUpInBackground() {
        NativeTreeScanner.warmUpInBackground();
    }

    /** How this scanner reads the file system. */
    ScanImplementation implementation();

    /** Measures the tree at {@code root} with the default options. */
    default TreeUsage scan(Path root) throws IOException {
        return scan(root, ScanOptions.DEFAULTS);
    }

    /**
     * Measures the tree at {@code root}: a directory with everything below it, or a single entry.
     *
     * @throws java.nio.file.NoSuchFileException when {@code root} does not exist
     * @throws IOException                       when {@code root} itself cannot be examined; problems below it
     *                                           are reported in {@link TreeUsage#errors()} instead
     */
    TreeUsage scan(Path root, ScanOptions options) throws IOException;

    /** Measures each entry of {@code directory} separately, with the default options. */
    default DirectoryUsage scanEntries(Path directory) throws IOException {
        return scanEntries(directory, ScanOptions.DEFAULTS);
    }

    /**
     * Measures each entry of {@code directory} separately in one walk (e.g. one figure per repository of a
     * hub cache, or per entry a clear would delete), together with the whole.
     *
     * @throws java.nio.file.NotDirectoryException when {@code directory} is not a directory
     * @throws IOException                         when it cannot be listed at all
     */
    DirectoryUsage scanEntries(Path directory, ScanOptions options) throws IOException;
}
