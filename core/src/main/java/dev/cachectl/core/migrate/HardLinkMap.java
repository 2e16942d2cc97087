package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps hard-linked source files linked in the destination: the first copy of a multiply-linked source file
 * is recorded under the file's {@code dev:ino} key, and every later link to the same source file becomes a
 * hard link to that copy. Entries survive an interrupted run through the journal.
 */
final class HardLinkMap {

    /**
     * Where the copy of one source inode is.
     *
     * @param path     the copy (in staging until published, then its final place)
     * @param length   its length
     * @param modified the source's modification time in milliseconds (with the length, it guards against
     *                 an inode number reused by an unrelated file)
     * @param crc32c   its verified content checksum
     */
    record Copy(Path path, long length, long modified, long crc32c) {
    }

    private final Map<String, Copy> copies = new HashMap<>();

    /**
     * A source file's identity for hard-link tracking.
     *
     * @param key   {@code dev:ino}
     * @param links how many names the file has
     */
    record Identity(String key, int links) {
    }

    /** The identity of a regular file; empty where the platform does not tell. */
    static Optional<Identity> identityOf(Path file) {
        try {
            Map<String, Object> attrs = Files.readAttributes(file, "unix:dev,ino,nlink", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new Identity(attrs.get("dev") + ":" + attrs.get("ino"), (Integer) attrs.get("nlink")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The copy of {@code key}, when there is one still in place and the source still matches it. */
    Optional<Copy> find(String key, long length, long modified) {
        Copy copy = copies.get(key);
        if (copy == null || copy.length() != length || copy.modified() != modified) {
            return Optional.empty();
        }
        try {
            // The copy may lie deeper than PATH_MAX: it is looked at through its open parent folder.
            boolean intact = OpenFolder.at(copy.path(), path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(path) == length);
            return intact ? Optional.of(copy) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void put(String key, Copy copy) {
        copies.put(key, copy);
    }

    /** After a staged tree is published: copies inside {@code staged} now live under {@code published}. */
    void moved(Path staged, Path published) {
        copies.replaceAll((key, copy) -> copy.path().startsWith(staged)
                ? new Copy(published.resolve(staged.relativize(copy.path())), copy.length(), copy.modified(),
                        copy.crc32c())
                : copy);
    }

    /** The copies whose path is inside {@code published}, for the journal. */
    Map<String, Copy> within(Path published) {
        Map<String, Copy> inside = new HashMap<>();
        copies.forEach((key, copy) -> {
            if (copy.path().startsWith(published)) {
                inside.put(key, copy);
            }
        });
        return inside;
    }

    /** Forgets copies still in staging (their staging was discarded). */
    void forgetStaged(Path staged) {
        copies.values().removeIf(copy -> copy.path().startsWith(staged));
    }
}
