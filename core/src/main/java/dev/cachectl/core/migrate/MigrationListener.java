package dev.cachectl.core.migrate;

/** Progress of a running migration, for a front end to show. Called on the migrating thread. */
public interface MigrationListener {

    /** A listener that ignores everything. */
    MigrationListener NONE = new MigrationListener() {
    };

    /** A top-level entry of a source is about to be processed. */
    default void unitStarted(PlannedSource source, String unit) {
    }

    /** An entry is finished. */
    default void itemFinished(ItemResult result) {
    }
}
