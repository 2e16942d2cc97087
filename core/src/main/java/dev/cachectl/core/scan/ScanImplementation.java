package dev.cachectl.core.scan;

/** How a {@link TreeScanner} (or a deleter) reads the file system. */
public enum ScanImplementation {

    /**
     * Linux system calls through {@code java.lang.foreign}: {@code openat}, {@code getdents64} and
     * {@code statx} relative to each open directory. Needs {@code --enable-native-access=dev.cachectl.core}.
     */
    LINUX_NATIVE(true),

    /**
     * Plain {@code java.nio.file}: portable, but it cannot see {@code st_blocks}, so allocated bytes are
     * estimated from apparent sizes (whole 4 KiB blocks; sparse files, compression and inline data differ).
     */
    NIO(false);

    private final boolean exactDiskBytes;

    ScanImplementation(boolean exactDiskBytes) {
        this.exactDiskBytes = exactDiskBytes;
    }

    /** Whether {@link TreeUsage#diskBytes()} is the file system's own figure rather than an estimate. */
    public boolean exactDiskBytes() {
        return exactDiskBytes;
    }
}
