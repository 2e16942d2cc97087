package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/** Which file system a path lives on, for choosing rename or copy. */
final class Devices {

    private Devices() {
    }

    /** Whether two existing paths are on the same file system (device), without following a final link. */
    static boolean same(Path a, Path b) {
        try {
            Object devA = device(a);
            Object devB = device(b);
            return devA != null && Objects.equals(devA, devB);
        } catch (IOException e) {
            return false;
        }
    }

    private static Object device(Path path) throws IOException {
        try {
            return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (Windows): the file store identifies the volume.
            FileStore store = Files.getFileStore(path);
            return store.name() + "|" + store.type();
        }
    }

    /** {@code path} itself when it exists, else its nearest existing ancestor. */
    static Path nearestExisting(Path path) {
        Path current = path.toAbsolutePath().normalize();
        while (current != null && !Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            current = current.getParent();
        }
        return current == null ? path.toAbsolutePath().getRoot() : current;
    }

    /**
     * The real path of {@code path}, or for a path that does not exist yet, the real path of its nearest
     * existing ancestor with the rest appended: where it will be once created.
     */
    static Path realOrIntended(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = nearestExisting(absolute);
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
