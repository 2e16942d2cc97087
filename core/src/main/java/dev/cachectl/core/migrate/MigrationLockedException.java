package dev.cachectl.core.migrate;

import java.nio.file.Path;

/** Another {@code cachectl migrate} holds the lock of a destination cache, or another command its directory lock. */
public final class MigrationLockedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path lockFile;

    /** The lock held by the other run. */
    public MigrationLockedException(Path lockFile) {
        this("another cachectl migrate is running (it holds " + lockFile + "); wait for it to finish, then run again",
                lockFile);
    }

    private MigrationLockedException(String message, Path lockFile) {
        super(message);
        this.lockFile = lockFile;
    }

    /**
     * Another cachectl command that deletes or moves files ({@code clear}, {@code migrate}) holds the directory
     * lock of {@code directory}, a cache this migration writes into or deletes from.
     */
    static MigrationLockedException busy(Path directory) {
        return new MigrationLockedException("another cachectl command (a clear or a migrate) is working in "
                + directory + "; wait for it to finish, then run again", directory);
    }

    /** The lock file, or the directory whose lock is held. */
    public Path lockFile() {
        return lockFile;
    }
}
