package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copies a file, link or folder tree into a staging path on the destination's file system, never
 * following a symbolic link: links are recreated with the same target text (hub snapshot links stay
 * relative), regular files keep their holes, hard-linked files stay linked, and modification times and
 * permissions are carried over. Records what it copied, so that the copy can be verified and exactly those
 * source entries removed afterwards.
 */
final class TreeCopier {

    /**
     * One copied entry as the source was when it was copied.
     *
     * @param relative  path inside the copied tree ({@code ""} for the tree itself), {@code /}-separated
     * @param directory whether it is a folder
     * @param link      whether it is a symbolic link
     * @param fileKey   the source's file key (inode), or null where unknown
     * @param size      the source's size
     * @param modified  the source's modification time
     * @param crc32c    the CRC-32C of a regular file's content as read from the source, else 0
     */
    record Entry(String relative, boolean directory, boolean link, Object fileKey, long size, FileTime modified,
                 long crc32c) {
    }

    /** What a copy produced. */
    record CopiedTree(Path source, Path staged, List<Entry> entries) {
    }

    private final HardLinkMap links;
    private final boolean fsyncEachFile;
    private final Runnable beforeEachFile;

    TreeCopier(HardLinkMap links, boolean fsyncEachFile, Runnable beforeEachFile) {
        this.links = links;
        this.fsyncEachFile = fsyncEachFile;
        this.beforeEachFile = beforeEachFile;
    }

    /**
     * Copies {@code source} to {@code staged} (which must not exist); {@code destination} is where the copy
     * will be published, which tells which files are hub blobs.
     */
    CopiedTree copy(Path source, Path staged, Path destination) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Deque<Path[]> directories = new ArrayDeque<>();
        Files.walkFileTree(source, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = staged.resolve(source.relativize(dir).toString());
                Files.createDirectory(target);
                directories.push(new Path[] {dir, target});
                entries.add(new Entry(relative(source, dir), true, false, attrs.fileKey(), 0,
                        attrs.lastModifiedTime(), 0));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                beforeEachFile.run();
                String relative = relative(source, file);
                Path target = relative.isEmpty() ? staged : staged.resolve(relative);
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                    setTimes(target, attrs);
                    entries.add(new Entry(relative, false, true, attrs.fileKey(), attrs.size(),
                            attrs.lastModifiedTime(), 0));
                } else if (attrs.isRegularFile()) {
                    Path published = relative.isEmpty() ? destination : destination.resolve(relative);
                    entries.add(copyFile(file, target, published, relative, attrs));
                } else {
                    throw new IOException(file + " is not a regular file, directory or symbolic link");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Path[] pair = directories.pop();
                copyAttributes(pair[0], pair[1]);
                return FileVisitResult.CONTINUE;
            }
        });
        return new CopiedTree(source, staged, List.copyOf(entries));
    }

    private Entry copyFile(Path file, Path target, Path published, String relative, BasicFileAttributes attrs)
            throws IOException {
        Optional<HardLinkMap.Identity> identity = HardLinkMap.identityOf(file);
        long modified = attrs.lastModifiedTime().toMillis();
        // Looked up whatever the link count is now: the other names may have been migrated already.
        Optional<HardLinkMap.Copy> earlier = identity.flatMap(id -> links.find(id.key(), attrs.size(), modified));
        long crc;
        if (earlier.isPresent()) {
            // Another name of a file already copied: link to that copy, as the source names are linked.
            Files.createLink(target, earlier.get().path());
            crc = earlier.get().crc32c();
        } else {
            SparseFileCopy.Copied copied = SparseFileCopy.copy(file, target, fsyncEachFile);
            if (copied.length() != attrs.size()) {
                throw new IOException(file + " changed size while it was being copied");
            }
            crc = copied.crc32c();
            copyAttributes(file, target);
            identity.filter(id -> id.links() > 1).ifPresent(id -> links.put(id.key(),
                    new HardLinkMap.Copy(target, attrs.size(), modified, copied.crc32c())));
        }
        return new Entry(relative, false, false, attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), crc);
    }

    /**
     * Checks a staged copy against what was read from the source: every file's length and CRC-32C, and for
     * hub blobs the hash their name promises. Returns the first mismatch.
     */
    static Optional<String> verify(CopiedTree tree, Path destination) throws IOException {
        for (Entry entry : tree.entries()) {
            if (entry.directory() || entry.link()) {
                continue;
            }
            Path staged = entry.relative().isEmpty() ? tree.staged() : tree.staged().resolve(entry.relative());
            Path published = entry.relative().isEmpty() ? destination : destination.resolve(entry.relative());
            HubLayout.BlobHash promise = HubLayout.blobHash(published);
            long length = Files.size(staged);
            if (length != entry.size()) {
                return Optional.of(entry.relative() + ": copy has " + length + " bytes, source " + entry.size());
            }
            FileHashes.Digests digests = FileHashes.of(staged, promise);
            if (digests.crc32c() != entry.crc32c()) {
                return Optional.of(entry.relative() + ": the copy's checksum differs from the source's");
            }
            String name = published.getFileName().toString();
            if (promise != HubLayout.BlobHash.NONE && !digests.promised().equals(name)) {
                return Optional.of(entry.relative() + ": its " + (promise == HubLayout.BlobHash.SHA256 ? "SHA-256"
                        : "git object id") + " is " + digests.promised() + ", not the blob's name: the source blob"
                        + " is corrupt; it stays where it is");
            }
        }
        return Optional.empty();
    }

    /** Permissions and times; links get times only (their permissions mean nothing on Linux). */
    private static void copyAttributes(Path from, Path to) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView posix = Files.getFileAttributeView(to, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS);
            posix.setPermissions(permissions);
        }
        setTimes(to, attrs);
    }

    private static void setTimes(Path target, BasicFileAttributes attrs) throws IOException {
        Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(attrs.lastModifiedTime(), attrs.lastAccessTime(), null);
    }

    static String relative(Path root, Path entry) {
        return root.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
    }
}
