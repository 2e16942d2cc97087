package dev.cachectl.core.migrate;

import dev.cachectl.core.delete.PinnedDirectory;
import dev.cachectl.core.delete.LockProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out a plan, one top-level entry (a hub repo, say) at a time, in three phases, so that a run
 * killed at any instant loses nothing and the next run finishes the job:
 * <ol>
 *   <li>place: folders the destination lacks are renamed in one step on the same file system; files are
 *       hard-linked into place (the source name stays until phase 3); across file systems everything is
 *       copied into staging;</li>
 *   <li>publish: staged copies are flushed, verified (length, SHA-256, and a hub blob's name) and renamed
 *       into place, never over an existing entry;</li>
 *   <li>remove: only then are the source entries removed (unless {@code --copy}), each only while it is
 *       still exactly what was migrated.</li>
 * </ol>
 * A rerun plans again from what is on disk: a published entry whose source still exists is an identical
 * duplicate and its source is removed; staging leftovers were cleared when the work area opened.
 */
final class MigrationExecutor {

    private final MigrationPlan plan;
    private final Map<Path, DestinationWorkArea> areas;
    private final MigrationListener listener;
    private final StepPause pause;
    private final LockProbe probe;
    private final Function<Path, Optional<PinnedDirectory>> pins;
    private final List<ItemResult> results = new ArrayList<>();
    private final List<Path> removedFolders = new ArrayList<>();

    /** A pause before each file-level step (tests interrupt runs in the middle with it). */
    interface StepPause {
        void pause();
    }

    MigrationExecutor(MigrationPlan plan, Map<Path, DestinationWorkArea> areas, MigrationListener listener,
                      StepPause pause, LockProbe probe, Function<Path, Optional<PinnedDirectory>> pins) {
        this.plan = plan;
        this.areas = areas;
        this.listener = listener;
        this.pause = pause;
        this.probe = probe;
        this.pins = pins;
    }

    List<ItemResult> run() {
        for (PlannedSource source : plan.sources()) {
            if (!source.changesFiles()) {
                source.items().forEach(item -> record(source, item, ItemOutcome.LEFT, item.reason()));
                continue;
            }
            DestinationWorkArea area = Objects.requireNonNull(areas.get(source.cacheDirectory()), "work area");
            // The source as it was pinned when the session locked it: removal goes on only below that directory.
            SourceRemover remover = new SourceRemover(source.root(), pins.apply(source.root()));
            if (!plan.copy() && source.removeRootWhenEmpty()) {
                try {
                    area.willEmpty(source.root());
                } catch (IOException e) {
                    // Only the clean-up of a run killed after emptying the source depends on it.
                    assert e != null;
                }
            }
            HubLayout hub = HubLayout.of(source.hubRepoFolders());
            Map<String, List<PlanItem>> units = new LinkedHashMap<>();
            source.items().forEach(item -> units.computeIfAbsent(item.unit(), u -> new ArrayList<>()).add(item));
            units.forEach((unit, items) -> {
                listener.unitStarted(source, unit);
                new UnitMigration(plan.copy(), items, area, remover, pause, probe, hub)
                        .run((item, status) -> record(source, item, status.outcome(), status.message()));
            });
            if (!plan.copy()) {
                removeEmptiedFolders(source, remover);
            }
        }
        // Sources an interrupted run emptied but was killed before removing: nothing is planned for them now.
        areas.values().stream().flatMap(area -> area.pendingSourceRoots().stream()).distinct()
                .filter(root -> !removedFolders.contains(root)).forEach(this::removeIfEmpty);
        return List.copyOf(results);
    }

    private void removeIfEmpty(Path root) {
        try {
            if (SourceRemover.removeIfEmpty(root)) {
                removedFolders.add(root);
            }
        } catch (IOException e) {
            // Still holds something, or cannot be removed: left as it is.
            assert e != null;
        }
    }

    List<Path> removedFolders() {
        return List.copyOf(removedFolders);
    }

    private void removeEmptiedFolders(PlannedSource source, SourceRemover remover) {
        for (String folder : source.mergedDirectories()) {
            try {
                remover.removeEmptyDirectory(folder);
            } catch (IOException e) {
                // A folder that cannot be removed still holds something, which its own entry reports.
                assert e != null;
            }
        }
        if (source.removeRootWhenEmpty()) {
            removeIfEmpty(source.root());
        }
    }

    void record(PlannedSource source, PlanItem item, ItemOutcome outcome, String message) {
        ItemResult result = new ItemResult(source, item, outcome, message);
        results.add(result);
        listener.itemFinished(result);
    }
}
