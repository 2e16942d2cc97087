package dev.cachectl.core.scan;

/**
 * Receives a walk's progress a few times a second from a background thread, and once more with
 * {@link WalkProgress#finished()} set when the walk ends. Implementations must be quick and thread-safe; they
 * decide themselves whether to show anything (e.g. only after a second, only on a terminal).
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = progress -> {
    };

    /** One progress report. */
    void progress(WalkProgress progress);
}
