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
     * @param sha256    hex SHA-256 of a regular file's content, else empty
     * @param gitSha1   hex git blob SHA-1 where the destination name is one, else empty
     */
    record Entry(String relative, boolean directory, boolean link, Object fileKey, long size, FileTime modified,
                 String sha256, String gitSha1) {
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
                        attrs.lastModifiedTime(), "", ""));
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
                            attrs.lastModifiedTime(), "", ""));
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
        boolean gitSha1 = HubLayout.blobHash(published) == HubLayout.BlobHash.GIT_SHA1;
        Optional<String> key = HardLinkMap.keyOf(file);
        Optional<HardLinkMap.Copy> earlier = key.flatMap(k -> links.find(k, attrs.size()));
        String sha256;
        String git = "";
        if (earlier.isPresent()) {
            // Another name of a file already copied: link to that copy, as the source names are linked.
            Files.createLink(target, earlier.get().path());
            sha256 = earlier.get().sha256();
            if (gitSha1) {
                git = FileHashes.of(target, true)[1];
            }
        } else {
            SparseFileCopy.Copied copied = SparseFileCopy.copy(file, target, gitSha1, fsyncEachFile);
            if (copied.length() != attrs.size()) {
                throw new IOException(file + " changed size while it was being copied");
            }
            sha256 = copied.sha256();
            git = copied.gitSha1();
            copyAttributes(file, target);
            String hash = sha256;
            key.ifPresent(k -> links.put(k, new HardLinkMap.Copy(target, attrs.size(), hash)));
        }
        return new Entry(relative, false, false, attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), sha256, git);
    }

    /**
     * Checks a staged copy against what was read from the source: every file's length and SHA-256, and for
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
            String[] hashes = FileHashes.of(staged, promise == HubLayout.BlobHash.GIT_SHA1);
            if (!hashes[0].equals(entry.sha256())) {
                return Optional.of(entry.relative() + ": the copy's SHA-256 differs from the source's");
            }
            String name = published.getFileName().toString();
            if (promise == HubLayout.BlobHash.SHA256 && !hashes[0].equals(name)) {
                return Optional.of(entry.relative() + ": content SHA-256 is " + hashes[0]
                        + ", not the blob's name: the source blob is corrupt; it stays where it is");
            }
            if (promise == HubLayout.BlobHash.GIT_SHA1 && !hashes[1].equals(name)) {
                return Optional.of(entry.relative() + ": git object id is " + hashes[1]
                        + ", not the blob's name: the source blob is corrupt; it stays where it is");
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
