package dev.cachectl.core.delete;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one rule for "another process is using this", shared by every command that deletes or moves cache entries
 * ({@code clear}, {@code migrate}, and pruning after them): a lock file that another process holds, or that
 * cannot be checked, protects what it locks; a partial download changed within {@link #GRACE} is still being
 * written. A lock file that is gone protects nothing (its owner finished).
 */
public final class InUse {

    /** How recently a partial download must have changed to count as still downloading. */
    public static final Duration GRACE = Duration.ofHours(1);

    private InUse() {
    }

    /**
     * What {@code probe} says of {@code lockFile}: {@link LockState#FREE} when it no longer exists, and
     * {@link LockState#UNKNOWN} when it cannot be opened (a symbolic link, permissions), which callers treat as
     * held (keeping is the safe mistake).
     */
    public static LockState lockState(LockProbe probe, Path lockFile) {
        try {
            return probe.probe(lockFile);
        } catch (NoSuchFileException gone) {
            return LockState.FREE;
        } catch (IOException cannotOpen) {
            return LockState.UNKNOWN;
        }
    }

    /** Whether a partial download last modified at {@code modifiedMillis} is still being written at {@code nowMillis}. */
    public static boolean stillDownloading(long modifiedMillis, long nowMillis) {
        return modifiedMillis >= nowMillis - GRACE.toMillis();
    }

    /** The grace period in words, for messages ("60 minutes"). */
    public static String graceInWords() {
        return GRACE.toMinutes() + " minutes";
    }
}
