package dev.cachectl.core.status;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A single-threaded {@link UsageMeter} on {@link Files#walkFileTree} that never follows links below the
 * root. NIO cannot see {@code st_blocks}, so disk bytes are estimated as whole 4 KiB blocks per entry; hard
 * links are counted once by file key. Stands in until core's parallel scanning engine is wired in.
 */
final class WalkFileTreeMeter implements UsageMeter {

    private static final long BLOCK = 4096;
    private static final long FAST_SYMLINK_MAX = 60;

    @Override
    public CacheUsage measure(Path root, Progress progress) throws IOException {
        Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
        Files.readAttributes(start, BasicFileAttributes.class);
        Tally tally = new Tally(progress);
        Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, tally);
        return tally.result();
    }

    /** Adds up one walk. */
    private static final class Tally implements FileVisitor<Path> {
        private final Progress progress;
        private final Set<Object> seenFileKeys = new HashSet<>();
        private final List<CacheUsage.Unreadable> unreadable = new ArrayList<>();
        private long apparent;
        private long disk;
        private long files;
        private long dirs;
        private long symlinks;
        private long newest = CacheUsage.NO_MTIME;

        Tally(Progress progress) {
            this.progress = progress;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            dirs++;
            add(attrs);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink()) {
                symlinks++;
            } else if (attrs.isRegularFile()) {
                files++;
                Object key = attrs.fileKey();
                if (key != null && !seenFileKeys.add(key)) {
                    return FileVisitResult.CONTINUE;
                }
            }
            add(attrs);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            unreadable.add(new CacheUsage.Unreadable(file, reason(e)));
            // Like du: a folder that cannot be opened still counts itself when it can be examined.
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    dirs++;
                    add(attrs);
                }
            } catch (IOException again) {
                // Not even its attributes: nothing to count.
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null && !(e instanceof NoSuchFileException)) {
                unreadable.add(new CacheUsage.Unreadable(dir, reason(e)));
            }
            return FileVisitResult.CONTINUE;
        }

        private void add(BasicFileAttributes attrs) {
            apparent += attrs.size();
            // ext4 keeps link targets under 60 bytes in the inode ("fast symlinks"): no block of their own.
            disk += attrs.isSymbolicLink() && attrs.size() < FAST_SYMLINK_MAX ? 0
                    : (attrs.size() + BLOCK - 1) / BLOCK * BLOCK;
            newest = Math.max(newest, attrs.lastModifiedTime().toMillis());
            progress.advanced(1, attrs.size());
        }

        CacheUsage result() {
            return new CacheUsage(apparent, disk, files, dirs, symlinks, newest, unreadable);
        }

        private static String reason(IOException e) {
            return e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
