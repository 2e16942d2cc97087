package dev.cachectl.core.migrate;

/** What a migration does with one entry of a source. */
public enum PlanAction {
    /** Same file system: the entry is renamed (a directory) or hard-linked then unlinked (a file) into place. */
    MOVE("move", false),
    /** Across file systems, or with {@code --copy}: copied to a staging name, verified, published, then the
     *  source is removed (kept with {@code --copy}). */
    COPY("copy", false),
    /** The destination already holds the same content: the source copy is removed (kept with {@code --copy}). */
    DUPLICATE("duplicate", false),
    /** Not carried over and removed from the source: lock files of repos that moved. */
    DISCARD("discard", false),
    /** The destination holds something different at the same path: both are left alone. */
    CONFLICT("conflict", true),
    /** Not touched: in use (held lock, recent partial download), unreadable, or of a kind cachectl cannot move. */
    REFUSED("refused", true),
    /** Left where it is by design (credentials, placeholders). */
    KEPT("kept", false);

    private final String jsonName;
    private final boolean blocking;

    PlanAction(String jsonName, boolean blocking) {
        this.jsonName = jsonName;
        this.blocking = blocking;
    }

    /** The lowercase name used in {@code --json} output. */
    public String jsonName() {
        return jsonName;
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
