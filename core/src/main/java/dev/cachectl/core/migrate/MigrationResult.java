package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.util.List;

/**
 * What a migration run did.
 *
 * @param items             the outcome of every plan entry, in plan order
 * @param resumed           whether a journal of an interrupted run was found (and finished)
 * @param removedLeftovers  staging entries of an interrupted run that were removed
 * @param removedFolders    source folders removed because the migration emptied them
 */
public record MigrationResult(List<ItemResult> items, boolean resumed, int removedLeftovers,
                              List<Path> removedFolders) {

    /** Copies the lists. */
    public MigrationResult {
        items = List.copyOf(items);
        removedFolders = List.copyOf(removedFolders);
    }

    /** Whether any entry needs the user's attention. */
    public boolean hasBlockingEntries() {
        return items.stream().anyMatch(ItemResult::blocking);
    }

    /** Bytes moved or copied. */
    public long bytesTransferred() {
        return items.stream().filter(r -> r.outcome() == ItemOutcome.DONE || r.outcome() == ItemOutcome.INCOMPLETE)
                .filter(r -> r.item().action() == PlanAction.MOVE || r.item().action() == PlanAction.COPY)
                .mapToLong(r -> r.item().bytes()).sum();
    }
}
