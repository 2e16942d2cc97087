package dev.cachectl.core.fs.internal;

import dev.cachectl.api.EntryKind;

/**
 * The allocated size of an entry where the platform gives no {@code st_blocks} (plain NIO): the apparent
 * size rounded up to whole 4 KiB blocks for files and directories, nothing for symbolic links (most file
 * systems keep a short link target inside the inode) and special files. Sparse files, compression, inline
 * data and block sizes other than 4 KiB make the real figure differ.
 */
public final class DiskEstimate {

    /** The block size assumed by the estimate. */
    public static final long BLOCK = 4096;

    private DiskEstimate() {
    }

    /** The estimated allocated bytes of an entry of this kind and apparent size. */
    public static long of(EntryKind kind, long size) {
        return switch (kind) {
            case FILE, DIRECTORY -> (Math.max(0, size) + BLOCK - 1) / BLOCK * BLOCK;
            case SYMLINK, OTHER -> 0;
        };
    }
}
