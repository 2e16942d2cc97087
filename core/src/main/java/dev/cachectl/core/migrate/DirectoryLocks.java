package dev.cachectl.core.migrate;

import dev.cachectl.core.delete.DirectoryLock;
import dev.cachectl.core.delete.PinnedDirectory;
import dev.cachectl.core.delete.TreeDeleter;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The directory locks a migration holds, the same {@link DirectoryLock} {@code clear} takes on a cache
 * ({@link TreeDeleter#lock}), one per real directory: an {@code flock} conflicts even with another descriptor of
 * the same process, so a directory reached by two names is locked once.
 */
final class DirectoryLocks implements AutoCloseable {

    private final TreeDeleter deleter = TreeDeleter.create();
    private final Map<Path, DirectoryLock> held = new LinkedHashMap<>();
    private final Map<Path, PinnedDirectory> pins = new LinkedHashMap<>();

    /**
     * Pins and locks {@code directory} without waiting. A source that no longer exists needs no lock ({@code
     * required} false): planning again under the locks notices it is gone.
     *
     * @throws MigrationLockedException when another cachectl command holds its lock
     */
    void lock(Path directory, boolean required) throws IOException, MigrationLockedException {
        PinnedDirectory pinned;
        try {
            pinned = deleter.pin(directory);
        } catch (NoSuchFileException gone) {
            if (required) {
                throw gone;
            }
            return;
        }
        pins.put(directory, pinned);
        if (held.containsKey(pinned.realPath())) {
            return;
        }
        Optional<DirectoryLock> lock = deleter.lock(pinned, false);
        if (lock.isEmpty()) {
            throw MigrationLockedException.busy(directory);
        }
        held.put(pinned.realPath(), lock.get());
    }

    /** The directory {@code directory} was pinned as when it was locked, if it was. */
    Optional<PinnedDirectory> pinned(Path directory) {
        return Optional.ofNullable(pins.get(directory));
    }

    /** Releases every lock; closing again does nothing. */
    @Override
    public void close() {
        held.values().forEach(DirectoryLock::close);
        held.clear();
        pins.clear();
    }
}
