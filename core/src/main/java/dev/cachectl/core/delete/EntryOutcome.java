package dev.cachectl.core.delete;

/** What happened to one requested entry of a deletion. */
enum EntryOutcome {
    /** It was not there (any more). */
    GONE,
    /** It is gone (or a dry run would remove it). */
    REMOVED,
    /** It was kept on purpose as a whole. */
    KEPT,
    /** Part of it, or all of it, is still there: something inside was kept or could not be removed. */
    LEFT,
    /**
     * It is a directory whose subdirectories are being emptied by other tasks (see {@link ExpandedDirectory});
     * its outcome is known when the last of them ends.
     */
    EXPANDED
}
