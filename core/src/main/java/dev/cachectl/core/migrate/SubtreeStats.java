package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Size of an entry that moves in one piece: apparent bytes of its regular files (hard-linked files once),
 * how many files and links it holds, and whether it can be copied in one piece (no unreadable folder, no
 * socket, pipe or device inside). Symbolic links are never followed.
 *
 * @param bytes    apparent bytes
 * @param files    regular files and symbolic links
 * @param copyable whether a copy would carry everything
 */
record SubtreeStats(long bytes, long files, boolean copyable) {

    /** Walks {@code entry} through open folders ({@link OpenFolder}), so any depth is measured. */
    static SubtreeStats of(Path entry) {
        Path absolute = entry.toAbsolutePath().normalize();
        Walk walk = new Walk();
        try (OpenFolder parent = OpenFolder.open(absolute.getParent())) {
            walk.visit(parent, absolute.getFileName().toString());
        } catch (IOException e) {
            walk.copyable = false;
        }
        return new SubtreeStats(walk.bytes, walk.files, walk.copyable);
    }

    private static final class Walk {
        private final Set<Object> seen = new HashSet<>();
        private long bytes;
        private long files;
        private boolean copyable = true;

        void visit(OpenFolder folder, String name) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(folder.entry(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                copyable = false;
                return;
            }
            if (attrs.isDirectory()) {
                try (OpenFolder child = folder.child(name)) {
                    for (String inside : child.names()) {
                        visit(child, inside);
                    }
                } catch (IOException e) {
                    copyable = false;
                }
            } else if (attrs.isRegularFile()) {
                Object key = attrs.fileKey();
                if (key == null || seen.add(key)) {
                    bytes += attrs.size();
                }
                files++;
            } else if (attrs.isSymbolicLink()) {
                files++;
            } else {
                copyable = false;
            }
        }
    }
}
