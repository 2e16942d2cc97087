package dev.cachectl.core.delete;

/** What a {@link LockProbe} found out about a lock file. */
public enum LockState {
    /** Another process holds a lock on it (for a hub download: the download is running). */
    HELD,
    /** Nobody holds a lock on it at the moment of the probe. */
    FREE,
    /**
     * This platform cannot tell: the probe saw no lock it can see, but the kind of lock the owner uses is
     * invisible to it (an {@code flock} lock on Linux without the native probe). Treat it as held to be safe.
     */
    UNKNOWN
}
