package dev.cachectl.core.migrate;

import java.nio.file.Path;

/** Another {@code cachectl migrate} holds the lock of a destination cache. */
public final class MigrationLockedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path lockFile;

    /** The lock held by the other run. */
    public MigrationLockedException(Path lockFile) {
        super("another cachectl migrate is running (it holds " + lockFile + "); wait for it to finish, then run again");
        this.lockFile = lockFile;
    }

    /** The lock file. */
    public Path lockFile() {
        return lockFile;
    }
}
