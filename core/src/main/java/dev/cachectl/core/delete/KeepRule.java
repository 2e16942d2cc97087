package dev.cachectl.core.delete;

import java.util.Optional;

/**
 * A caller's reason to keep an entry (and everything below it) that a deletion would otherwise remove: a lock
 * another process holds, a recent partial download. Called once per entry, before the deleter descends into a
 * directory, possibly from several threads at once; it must be thread-safe and cheap.
 */
@FunctionalInterface
public interface KeepRule {

    /**
     * Why {@code candidate} must stay, e.g. {@code "held by another process (lock .locks/x.lock)"}; empty to
     * let it be deleted.
     */
    Optional<String> reasonToKeep(DeletionCandidate candidate);
}
