package dev.cachectl.core.clear;

import dev.cachectl.core.delete.DeletionReport;
import dev.cachectl.core.workspace.CacheLocation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What clearing one cache did (or, in a dry run, would do).
 *
 * @param location the cache
 * @param report   the deletion's report; empty when the cache was skipped or refused
 * @param realPath where the cache really is, when symbolic links on the way make it differ from
 *                 {@code location.directory()}
 * @param skipped  why the cache was left alone without it being a problem (it does not exist)
 * @param failed   why the cache could not be cleared at all (not a directory, an unsafe real path, replaced
 *                 since the plan, locked with {@code --no-wait}, cannot be opened)
 */
public record ClearOutcome(CacheLocation location, Optional<DeletionReport> report, Optional<Path> realPath,
                           Optional<String> skipped, Optional<String> failed) {

    /** Validates the fields. */
    public ClearOutcome {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(realPath, "realPath");
        Objects.requireNonNull(skipped, "skipped");
        Objects.requireNonNull(failed, "failed");
    }

    /** Whether every entry that was not kept on purpose is gone (a skipped cache has nothing to fail). */
    public boolean complete() {
        return failed.isEmpty() && report.map(DeletionReport::complete).orElse(true);
    }
}
