package dev.cachectl.core.scan;

/**
 * How far a walk (a scan, or a deletion) has come, for a live progress line.
 *
 * @param entries       entries seen so far (for a deletion: removed, or that a dry run would remove)
 * @param apparentBytes their apparent bytes so far
 * @param diskBytes     their allocated bytes so far
 * @param elapsedNanos  time since the walk started
 * @param finished      whether this is the final report of the walk
 */
public record WalkProgress(long entries, long apparentBytes, long diskBytes, long elapsedNanos, boolean finished) {
}
