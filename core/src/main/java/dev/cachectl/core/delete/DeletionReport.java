package dev.cachectl.core.delete;

import dev.cachectl.core.scan.TreeUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a deletion removed (or, for a dry run, would remove), kept and failed on.
 *
 * @param root    the root the paths are relative to
 * @param dryRun  whether nothing was actually changed
 * @param entries the requested entries that were found, in request order (a clear: by name); an entry that was
 *                kept as a whole appears only in {@code kept}
 * @param kept    entries left in place on purpose, by path
 * @param errors  entries that could not be deleted, by path
 */
public record DeletionReport(Path root, boolean dryRun, List<DeletedEntry> entries, List<KeptEntry> kept,
                             List<DeletionError> errors) {

    /** Copies the lists. */
    public DeletionReport {
        Objects.requireNonNull(root, "root");
        entries = List.copyOf(entries);
        kept = List.copyOf(kept);
        errors = List.copyOf(errors);
    }

    /** Everything freed, summed over the entries (bytes freed in du terms). */
    public TreeUsage freed() {
        return entries.stream().map(DeletedEntry::freed).reduce(TreeUsage.EMPTY, TreeUsage::plus);
    }

    /** Whether every entry that was not kept on purpose is gone. */
    public boolean complete() {
        return errors.isEmpty();
    }
}
