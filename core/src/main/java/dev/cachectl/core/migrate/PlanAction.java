package dev.cachectl.core.migrate;

import java.util.Locale;

/** What a migration does with one entry of a source. */
public enum PlanAction {
    /** Same file system: the entry is renamed (a directory) or hard-linked then unlinked (a file) into place. */
    MOVE(false),
    /** Across file systems, or with {@code --copy}: copied to a staging name, verified, published, then the
     *  source is removed (kept with {@code --copy}). */
    COPY(false),
    /** The destination already holds the same content: the source copy is removed (kept with {@code --copy}). */
    DUPLICATE(false),
    /** Not carried over and removed from the source: lock files of repos that moved. */
    DISCARD(false),
    /** The destination holds something different at the same path: both are left alone. */
    CONFLICT(true),
    /** Not touched: in use (held lock, recent partial download), unreadable, or of a kind cachectl cannot move. */
    REFUSED(true),
    /** Left where it is by design (credentials, placeholders). */
    KEPT(false);

    private final boolean blocking;

    PlanAction(boolean blocking) {
        this.blocking = blocking;
    }

    /** The lowercase name used in {@code --json} output. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an entry with this action makes the command exit 1 (something stays behind that needs a look). */
    public boolean blocking() {
        return blocking;
    }

    /** Whether the entry changes anything on disk when the migration runs. */
    public boolean changesFiles() {
        return this == MOVE || this == COPY || this == DUPLICATE || this == DISCARD;
    }
}
