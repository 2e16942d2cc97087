package dev.cachectl.core.fs.linux;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open directory descriptor used by several tasks: the last one to {@link #release} it closes it. Tasks
 * that walk subdirectories of the same directory open them relative to it while they hold a reference.
 */
public final class SharedFd {

    private final int fd;
    private final AtomicInteger refs = new AtomicInteger(1);

    /** Wraps a freshly opened descriptor; the caller holds the first reference. */
    public SharedFd(int fd) {
        this.fd = fd;
    }

    /** The descriptor; valid while the caller holds a reference. */
    public int fd() {
        return fd;
    }

    /** Takes another reference (for a task about to be forked). */
    public SharedFd retain() {
        refs.incrementAndGet();
        return this;
    }

    /** Drops a reference, closing the descriptor with the last one. */
    public void release(Scratch scratch) {
        if (refs.decrementAndGet() == 0) {
            Libc.close(scratch, fd);
        }
    }
}
