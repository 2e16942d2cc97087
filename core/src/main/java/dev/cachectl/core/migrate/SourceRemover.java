package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Removes migrated entries from a source, race-safely: every step is relative to an open directory
 * ({@link SecureDirectoryStream}, i.e. {@code openat}/{@code unlinkat}), so a folder swapped for a link
 * after planning can never redirect a deletion outside the source; links are removed as links. A file is
 * removed only while it is still exactly what was migrated (same inode, size and modification time);
 * anything changed or new is left and reported. Where the platform has no secure directory streams, the
 * same checks run on paths.
 */
final class SourceRemover {

    private final Path root;
    private final List<String> leftBehind = new ArrayList<>();

    /** A remover for entries below {@code root} (the source folder). */
    SourceRemover(Path root) {
        this.root = root;
    }

    /** Source-relative entries that were not removed because they changed or could not be removed. */
    List<String> leftBehind() {
        return List.copyOf(leftBehind);
    }

    /** Removes one file or link at {@code relative} if {@code unchanged} accepts its current attributes. */
    boolean removeFile(String relative, Predicate<BasicFileAttributes> unchanged) throws IOException {
        return withParent(relative, (dir, name) -> {
            BasicFileAttributes attrs = dir.attributes(name);
            if (attrs == null) {
                return true;
            }
            if (attrs.isDirectory() || !unchanged.test(attrs)) {
                leftBehind.add(relative);
                return false;
            }
            dir.deleteFile(name);
            return true;
        });
    }

    /** Removes the folder at {@code relative} when it is empty; true when it is gone. */
    boolean removeEmptyDirectory(String relative) throws IOException {
        return withParent(relative, (dir, name) -> dir.deleteEmptyDirectory(name));
    }

    /**
     * Removes a copied tree at {@code relative}: each entry of {@code copied} (keyed by its path inside the
     * tree, {@code ""} for the tree itself) that is unchanged, then the folders that are left empty.
     */
    void removeCopied(String relative, Map<String, TreeCopier.Entry> copied) throws IOException {
        TreeCopier.Entry top = copied.get("");
        if (top == null) {
            return;
        }
        if (!top.directory()) {
            removeFile(relative, attrs -> matches(top, attrs));
            return;
        }
        withParent(relative, (dir, name) -> {
            BasicFileAttributes attrs = dir.attributes(name);
            if (attrs == null || !attrs.isDirectory() || !Objects.equals(attrs.fileKey(), top.fileKey())) {
                leftBehind.add(relative);
                return false;
            }
            try (Dir child = dir.open(name)) {
                removeInside(child, relative, "", copied);
            }
            if (!dir.deleteEmptyDirectory(name)) {
                leftBehind.add(relative);
            }
            return true;
        });
    }

    private void removeInside(Dir dir, String relative, String prefix, Map<String, TreeCopier.Entry> copied)
            throws IOException {
        for (String name : dir.names()) {
            String inside = prefix.isEmpty() ? name : prefix + "/" + name;
            TreeCopier.Entry entry = copied.get(inside);
            BasicFileAttributes attrs = dir.attributes(name);
            if (entry == null || attrs == null) {
                leftBehind.add(relative + "/" + inside);
                continue;
            }
            if (entry.directory() && attrs.isDirectory() && Objects.equals(attrs.fileKey(), entry.fileKey())) {
                try (Dir child = dir.open(name)) {
                    removeInside(child, relative, inside, copied);
                }
                if (!dir.deleteEmptyDirectory(name)) {
                    leftBehind.add(relative + "/" + inside);
                }
            } else if (!entry.directory() && !attrs.isDirectory() && matches(entry, attrs)) {
                dir.deleteFile(name);
            } else {
                leftBehind.add(relative + "/" + inside);
            }
        }
    }

    /** Whether a source entry is still what was copied. */
    static boolean matches(TreeCopier.Entry entry, BasicFileAttributes attrs) {
        return attrs.isSymbolicLink() == entry.link() && attrs.size() == entry.size()
                && attrs.lastModifiedTime().equals(entry.modified()) && Objects.equals(attrs.fileKey(), entry.fileKey());
    }

    private interface Step {
        boolean apply(Dir parent, String name) throws IOException;
    }

    /** Opens the folders on the way to {@code relative}'s parent without following links, then applies. */
    private boolean withParent(String relative, Step step) throws IOException {
        String[] parts = relative.split("/");
        Dir dir = Dir.open(root);
        try {
            for (int i = 0; i < parts.length - 1; i++) {
                Dir next = dir.open(parts[i]);
                dir.close();
                dir = next;
            }
            return step.apply(dir, parts[parts.length - 1]);
        } catch (NoSuchFileException e) {
            return true;
        } finally {
            dir.close();
        }
    }

    /** An open folder: a secure directory stream where available, else a path with the same checks. */
    private record Dir(Path path, SecureDirectoryStream<Path> secure) implements AutoCloseable {

        static Dir open(Path path) throws IOException {
            if (Files.isSymbolicLink(path)) {
                throw new IOException(path + " became a symbolic link; not following it");
            }
            DirectoryStream<Path> stream = Files.newDirectoryStream(path);
            if (stream instanceof SecureDirectoryStream<Path> secure) {
                return new Dir(path, secure);
            }
            stream.close();
            return new Dir(path, null);
        }

        Dir open(String name) throws IOException {
            if (secure == null) {
                return Dir.open(path.resolve(name));
            }
            return new Dir(path.resolve(name), secure.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        }

        List<String> names() throws IOException {
            List<String> names = new ArrayList<>();
            if (secure == null) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
                    stream.forEach(p -> names.add(p.getFileName().toString()));
                }
            } else {
                secure.forEach(p -> names.add(p.getFileName().toString()));
            }
            return names;
        }

        BasicFileAttributes attributes(String name) throws IOException {
            try {
                if (secure == null) {
                    return Files.readAttributes(path.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                }
                return secure.getFileAttributeView(Path.of(name), BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        void deleteFile(String name) throws IOException {
            if (secure == null) {
                Files.delete(path.resolve(name));
            } else {
                secure.deleteFile(Path.of(name));
            }
        }

        boolean deleteEmptyDirectory(String name) throws IOException {
            try {
                if (secure == null) {
                    if (!Files.isDirectory(path.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        return false;
                    }
                    Files.delete(path.resolve(name));
                } else {
                    secure.deleteDirectory(Path.of(name));
                }
                return true;
            } catch (DirectoryNotEmptyException | java.nio.file.NotDirectoryException e) {
                return false;
            } catch (NoSuchFileException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            if (secure != null) {
                secure.close();
            }
        }
    }
}
