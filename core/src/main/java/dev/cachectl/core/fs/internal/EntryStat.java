package dev.cachectl.core.fs.internal;

import dev.cachectl.api.EntryKind;

/**
 * What one {@code lstat} (or {@code statx} without following links) says about an entry, in the units du
 * uses.
 *
 * @param kind        the entry's type, never following a symbolic link
 * @param size        {@code st_size}: the apparent size in bytes
 * @param diskBytes   {@code st_blocks * 512}, or an estimate where the platform cannot tell (see
 *                    {@link DiskEstimate})
 * @param nlink       the number of hard links; 1 where the platform cannot tell
 * @param dev         the device id, or 0 where the platform cannot tell
 * @param ino         the inode number, or 0 where the platform cannot tell
 * @param mtimeMillis last modification, milliseconds since the epoch
 * @param fileKey     where the platform gives no device and inode numbers, an object equal for the same file
 *                    system object (NIO's {@code fileKey()}); {@code null} where {@code dev} and {@code ino} say it
 * @param mountRoot   whether the platform says this directory is the root of a mounted file system
 */
public record EntryStat(EntryKind kind, long size, long diskBytes, long nlink, long dev, long ino, long mtimeMillis,
                        Object fileKey, boolean mountRoot) {

    /** Attributes known by device and inode number. */
    public EntryStat(EntryKind kind, long size, long diskBytes, long nlink, long dev, long ino, long mtimeMillis) {
        this(kind, size, diskBytes, nlink, dev, ino, mtimeMillis, null, false);
    }

    /** Whether this entry may have other names whose bytes du counts only once. */
    public boolean sharedInode() {
        return kind != EntryKind.DIRECTORY && nlink > 1;
    }

    /** Whether {@code other} is the same file system object (same device and inode). */
    public boolean sameObject(EntryStat other) {
        if (fileKey != null || other.fileKey != null) {
            return java.util.Objects.equals(fileKey, other.fileKey);
        }
        return dev == other.dev && ino == other.ino;
    }

    /**
     * Which object this is, comparable with {@link FileIdentity#ofKey} of a NIO {@code fileKey}: a
     * {@link FileIdentity}, the opaque {@code fileKey}, or {@code null} where the platform tells neither.
     */
    public Object identity() {
        if (fileKey != null) {
            return FileIdentity.ofKey(fileKey);
        }
        return ino != 0 ? new FileIdentity(dev, ino) : null;
    }

    /** Whether device and inode numbers are known (and so hard links can be recognised). */
    public boolean hasInode() {
        return fileKey == null && ino != 0;
    }
}
