package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a migration will do, computed before anything changes: shown to the user, confirmed, and then
 * carried out exactly ({@code --dry-run} prints this and stops).
 *
 * @param projectRoot the project
 * @param copy        whether sources are kept ({@code --copy})
 * @param force       whether entries in use are moved anyway ({@code --force})
 * @param sources     the sources with their entries
 * @param skipped     locations left alone as a whole, with the reason
 */
public record MigrationPlan(Path projectRoot, boolean copy, boolean force, List<PlannedSource> sources,
                            List<SkippedLocation> skipped) {

    /** Validates and copies. */
    public MigrationPlan {
        Objects.requireNonNull(projectRoot, "projectRoot");
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }

    /** Whether running the plan would change nothing on disk. */
    public boolean changesNothing() {
        return sources.stream().noneMatch(PlannedSource::changesFiles);
    }

    /** Whether something stays behind that needs the user's attention (the command exits 1). */
    public boolean hasBlockingEntries() {
        return skipped.stream().anyMatch(SkippedLocation::blocking)
                || sources.stream().flatMap(s -> s.items().stream()).anyMatch(i -> i.action().blocking());
    }

    /** How many entries of each action the plan holds. */
    public Map<PlanAction, Long> countByAction() {
        Map<PlanAction, Long> counts = new EnumMap<>(PlanAction.class);
        for (PlanAction action : PlanAction.values()) {
            counts.put(action, 0L);
        }
        sources.stream().flatMap(s -> s.items().stream()).forEach(i -> counts.merge(i.action(), 1L, Long::sum));
        return counts;
    }

    /** Bytes that move or are copied. */
    public long bytesToTransfer() {
        return sources.stream().mapToLong(PlannedSource::bytesToTransfer).sum();
    }

    /** Files and links that move or are copied. */
    public long filesToTransfer() {
        return sources.stream().mapToLong(PlannedSource::filesToTransfer).sum();
    }
}
