package dev.cachectl.core.migrate;

/** What became of one plan entry when the migration ran. */
public enum ItemOutcome {
    /** Done as planned. */
    DONE("done", false),
    /** Not attempted, as planned (a conflict, refusal or kept entry). */
    LEFT("left", false),
    /** Something appeared in the destination meanwhile; the source entry stays. */
    CONFLICT("conflict", true),
    /** The entry is in the destination, but parts of the source changed meanwhile and stay in place. */
    INCOMPLETE("incomplete", true),
    /** Failed (read error, verification mismatch, no space); the source entry stays as it was. */
    FAILED("failed", true);

    private final String jsonName;
    private final boolean blocking;

    ItemOutcome(String jsonName, boolean blocking) {
        this.jsonName = jsonName;
        this.blocking = blocking;
    }

    /** The lowercase name used in {@code --json} output. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether this outcome makes the command exit 1. */
    public boolean blocking() {
        return blocking;
    }
}
