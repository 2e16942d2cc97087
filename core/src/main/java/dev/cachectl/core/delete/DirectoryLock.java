package dev.cachectl.core.delete;

/**
 * An exclusive lock on a pinned cache directory, held by the commands that delete or move in it, so that two
 * of them (two clears, a clear beside a migrate) take turns instead of deleting under each other. It is an
 * advisory {@code flock} on the directory itself (nothing is written into the cache); where the platform
 * cannot lock directories it is a no-op. Release it with {@link #close()}.
 */
public final class DirectoryLock implements AutoCloseable {

    private final DirectoryHandle<?> handle;

    DirectoryLock(DirectoryHandle<?> handle) {
        this.handle = handle;
    }

    /** Releases the lock. */
    @Override
    public void close() {
        handle.close();
    }
}
