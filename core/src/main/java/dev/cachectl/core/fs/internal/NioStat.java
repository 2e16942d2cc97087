package dev.cachectl.core.fs.internal;

import dev.cachectl.api.EntryKind;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * Reads an entry's {@link EntryStat} through plain NIO without following links. Where the {@code unix}
 * attribute view exists one {@code lstat} gives mode, size, links, device and inode; elsewhere only the basic
 * attributes are known (no hard-link detection). Allocated bytes are always {@link DiskEstimate estimated}.
 */
public final class NioStat {

    private static final String UNIX_ATTRIBUTES = "unix:mode,size,nlink,dev,ino,lastModifiedTime";
    /** Link options that do not follow a final symbolic link. */
    public static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private NioStat() {
    }

    /** Whether this file system has the {@code unix} attribute view (and so link counts and inodes). */
    public static boolean hasUnixView(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("unix");
    }

    /** The attributes of {@code path} itself (a final symlink is not followed). */
    public static EntryStat read(Path path, boolean unixView) throws IOException {
        return read(path, unixView, NO_FOLLOW);
    }

    /** The attributes of {@code path}, following a final symlink when {@code options} is empty. */
    public static EntryStat read(Path path, boolean unixView, LinkOption... options) throws IOException {
        if (unixView) {
            Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRIBUTES, options);
            EntryKind kind = kindOfMode((Integer) a.get("mode"));
            long size = (Long) a.get("size");
            return new EntryStat(kind, size, DiskEstimate.of(kind, size), (Integer) a.get("nlink"),
                    (Long) a.get("dev"), (Long) a.get("ino"), ((FileTime) a.get("lastModifiedTime")).toMillis());
        }
        return of(Files.readAttributes(path, BasicFileAttributes.class, options));
    }

    /** The attributes as far as {@link BasicFileAttributes} tell (one link; identity by {@code fileKey()}). */
    public static EntryStat of(BasicFileAttributes a) {
        EntryKind kind = kindOf(a);
        return new EntryStat(kind, a.size(), DiskEstimate.of(kind, a.size()), 1, 0, 0,
                a.lastModifiedTime().toMillis(), a.fileKey(), false);
    }

    /** The kind of entry the basic attributes describe. */
    public static EntryKind kindOf(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return EntryKind.SYMLINK;
        }
        if (a.isDirectory()) {
            return EntryKind.DIRECTORY;
        }
        return a.isRegularFile() ? EntryKind.FILE : EntryKind.OTHER;
    }

    /** The kind of entry a POSIX {@code st_mode} describes. */
    public static EntryKind kindOfMode(int mode) {
        return switch (mode & S_IFMT) {
            case S_IFDIR -> EntryKind.DIRECTORY;
            case S_IFREG -> EntryKind.FILE;
            case S_IFLNK -> EntryKind.SYMLINK;
            default -> EntryKind.OTHER;
        };
    }
}
