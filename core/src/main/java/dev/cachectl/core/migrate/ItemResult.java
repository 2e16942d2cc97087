package dev.cachectl.core.migrate;

import java.util.Objects;

/**
 * The outcome of one plan entry.
 *
 * @param source  the source it belongs to
 * @param item    the entry
 * @param outcome what became of it
 * @param message details for anything but a plain success; empty otherwise
 */
public record ItemResult(PlannedSource source, PlanItem item, ItemOutcome outcome, String message) {

    /** Validates the fields. */
    public ItemResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** Whether this entry needs the user's attention: a blocking outcome, or a planned conflict or refusal. */
    public boolean blocking() {
        return outcome.blocking() || (outcome == ItemOutcome.LEFT && item.action().blocking());
    }
}
