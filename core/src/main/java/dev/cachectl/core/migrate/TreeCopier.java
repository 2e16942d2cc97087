package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * will be published, which tells which files are hub blobs. The walk holds each folder open on both sides
     * ({@link OpenFolder}), so trees deeper than {@code PATH_MAX} copy too.
     */
    CopiedTree copy(Path source, Path staged, Path destination) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (OpenFolder from = OpenFolder.open(parentOf(source)); OpenFolder to = OpenFolder.open(parentOf(staged))) {
            copyEntry(from, name(source), to, name(staged), "", destination, entries);
        }
        return new CopiedTree(source, staged, List.copyOf(entries));
    }

    private void copyEntry(OpenFolder from, String name, OpenFolder to, String targetName, String relative,
                           Path published, List<Entry> entries) throws IOException {
        Path file = from.entry(name);
        Path target = to.entry(targetName);
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
            Files.createDirectory(target);
            entries.add(new Entry(relative, true, false, attrs.fileKey(), 0, attrs.lastModifiedTime(), 0));
            try (OpenFolder fromChild = from.child(name); OpenFolder toChild = to.child(targetName)) {
                for (String child : fromChild.names()) {
                    copyEntry(fromChild, child, toChild, child, relative.isEmpty() ? child : relative + "/" + child,
                            published.resolve(child), entries);
                }
            }
            // After the children: writing them changed the folder's times.
            copyAttributes(file, target);
            return;
        }
        beforeEachFile.run();
        if (attrs.isSymbolicLink()) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(file));
            setTimes(target, attrs);
            entries.add(new Entry(relative, false, true, attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), 0));
        } else if (attrs.isRegularFile()) {
            entries.add(copyFile(file, target, to.logical(targetName), relative, attrs));
        } else {
            throw new IOException(from.logical(name) + " is not a regular file, directory or symbolic link");
        }
    }

    private static Path parentOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute : absolute.getParent();
    }

    private static String name(Path path) {
        return path.toAbsolutePath().normalize().getFileName().toString();
    }

    /** Copies one regular file; {@code recorded} is the copy's full path, which the hard-link map keeps. */
    private Entry copyFile(Path file, Path target, Path recorded, String relative, BasicFileAttributes attrs)
            throws IOException {
        Optional<HardLinkMap.Identity> identity = HardLinkMap.identityOf(file);
        long modified = attrs.lastModifiedTime().toMillis();
        // Looked up whatever the link count is now: the other names may have been migrated already.
        Optional<HardLinkMap.Copy> earlier = identity.flatMap(id -> links.find(id.key(), attrs.size(), modified));
        long crc;
        if (earlier.isPresent()) {
            // Another name of a file already copied: link to that copy, as the source names are linked.
            OpenFolder.at(earlier.get().path(), existing -> Files.createLink(target, existing));
            crc = earlier.get().crc32c();
        } else {
            SparseFileCopy.Copied copied = SparseFileCopy.copy(file, target, fsyncEachFile);
            if (copied.length() != attrs.size()) {
                throw new IOException(file + " changed size while it was being copied");
            }
            crc = copied.crc32c();
            copyAttributes(file, target);
            identity.filter(id -> id.links() > 1).ifPresent(id -> links.put(id.key(),
                    new HardLinkMap.Copy(recorded, attrs.size(), modified, copied.crc32c())));
        }
        return new Entry(relative, false, false, attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), crc);
    }

    /**
     * Checks a staged copy against what was read from the source: every file's length and CRC-32C, and for
     * hub blobs the hash their name promises. Returns the first mismatch. Reads the copy through open folders,
     * like {@link #copy}; {@code hub} tells which files are hub blobs.
     */
    static Optional<String> verify(CopiedTree tree, Path destination, HubLayout hub) throws IOException {
        Map<String, Entry> files = new LinkedHashMap<>();
        tree.entries().stream().filter(e -> !e.directory() && !e.link()).forEach(e -> files.put(e.relative(), e));
        Optional<String> mismatch;
        try (OpenFolder parent = OpenFolder.open(parentOf(tree.staged()))) {
            mismatch = verifyEntry(parent, name(tree.staged()), "", destination, files, hub);
        }
        if (mismatch.isEmpty() && !files.isEmpty()) {
            mismatch = Optional.of(files.keySet().iterator().next() + ": missing from the copy");
        }
        return mismatch;
    }

    private static Optional<String> verifyEntry(OpenFolder folder, String name, String relative, Path published,
                                                Map<String, Entry> files, HubLayout hub) throws IOException {
        Path staged = folder.entry(name);
        BasicFileAttributes attrs = Files.readAttributes(staged, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
            try (OpenFolder child = folder.child(name)) {
                for (String inside : child.names()) {
                    Optional<String> mismatch = verifyEntry(child, inside,
                            relative.isEmpty() ? inside : relative + "/" + inside, published.resolve(inside), files,
                            hub);
                    if (mismatch.isPresent()) {
                        return mismatch;
                    }
                }
            }
            return Optional.empty();
        }
        Entry entry = files.remove(relative);
        if (entry == null) {
            return Optional.empty();
        }
        if (!attrs.isRegularFile()) {
            return Optional.of(entry.relative() + ": not a regular file in the copy");
        }
        HubLayout.BlobHash promise = hub.blobHash(published);
        long length = attrs.size();
        if (length != entry.size()) {
            return Optional.of(entry.relative() + ": copy has " + length + " bytes, source " + entry.size());
        }
        FileHashes.Digests digests = FileHashes.of(staged, promise);
        if (digests.crc32c() != entry.crc32c()) {
            return Optional.of(entry.relative() + ": the copy's checksum differs from the source's");
        }
        String blobName = published.getFileName().toString();
        if (promise != HubLayout.BlobHash.NONE && !digests.promised().equals(blobName)) {
            return Optional.of(entry.relative() + ": its " + (promise == HubLayout.BlobHash.SHA256 ? "SHA-256"
                    : "git object id") + " is " + digests.promised() + ", not the blob's name: the source blob"
                    + " is corrupt; it stays where it is");
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
}
