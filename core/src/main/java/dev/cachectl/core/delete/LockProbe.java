package dev.cachectl.core.delete;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells whether another process holds a lock file, without waiting for it and without keeping it: clear and
 * migrate ask before they touch what a lock protects (for the hub, a repo being downloaded). {@link #system()}
 * is the one real probe; tests may stand in with their own.
 */
@FunctionalInterface
public interface LockProbe {

    /**
     * Probes {@code lockFile}.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist (its owner finished and removed it)
     * @throws IOException                       when it cannot be opened (a symbolic link, permissions)
     */
    LockState probe(Path lockFile) throws IOException;

    /**
     * The probe for this platform: {@code flock(2)} through the Linux bindings where they are available, a
     * shared NIO lock elsewhere (see {@link LockState#UNKNOWN} for what that cannot see).
     */
    static LockProbe system() {
        return SystemLockProbe.INSTANCE;
    }
}
