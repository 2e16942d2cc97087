package dev.cachectl.core.migrate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells whether another process holds a lock file, e.g. a huggingface_hub download holding
 * {@code hub/.locks/<repo>/<blob>.lock}. Kept behind an interface so tests and other probes can stand in.
 */
@FunctionalInterface
interface LockProbe {

    /** What a probe saw. */
    enum State { FREE, HELD, UNKNOWN }

    /** The state of one lock file. */
    State state(Path lockFile);

    /**
     * The probe for this platform: {@code flock(2)} on Linux (what Python's filelock takes; an fcntl lock
     * would not see it, STACK.md pitfall 8), else {@link FileChannel#tryLock()}.
     */
    static LockProbe system() {
        if (PosixCalls.available()) {
            return file -> switch (PosixCalls.flockState(file)) {
                case FREE -> State.FREE;
                case HELD -> State.HELD;
                case UNKNOWN -> State.UNKNOWN;
            };
        }
        return LockProbe::channelProbe;
    }

    private static State channelProbe(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return State.HELD;
            }
            lock.release();
            return State.FREE;
        } catch (OverlappingFileLockException e) {
            return State.HELD;
        } catch (IOException e) {
            return State.UNKNOWN;
        }
    }
}
