package dev.cachectl.core.clear;

import java.nio.file.Path;

/** Tells whether another process holds a lock file, without waiting and without keeping the lock. */
@FunctionalInterface
public interface LockProbe {

    /** Whether {@code lockFile} is locked by another process right now; false when it vanished. */
    boolean isHeld(Path lockFile);
}
