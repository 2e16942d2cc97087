package dev.cachectl.core.migrate;

import java.util.Locale;

/** What became of one plan entry when the migration ran. */
public enum ItemOutcome {
    /** Done as planned. */
    DONE(false),
    /** Not attempted, as planned (a conflict, refusal or kept entry). */
    LEFT(false),
    /** Something appeared in the destination meanwhile; the source entry stays. */
    CONFLICT(true),
    /** The entry is in the destination, but parts of the source changed meanwhile and stay in place. */
    INCOMPLETE(true),
    /** Failed (read error, verification mismatch, no space); the source entry stays as it was. */
    FAILED(true);

    private final boolean blocking;

    ItemOutcome(boolean blocking) {
        this.blocking = blocking;
    }

    /** The lowercase name used in {@code --json} output. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this outcome makes the command exit 1. */
    public boolean blocking() {
        return blocking;
    }
}
