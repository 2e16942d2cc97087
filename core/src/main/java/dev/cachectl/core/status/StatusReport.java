package dev.cachectl.core.status;

import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.scan.TreeUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code status} shows.
 *
 * @param projectRoot  the project
 * @param configFile   the config file, or where it would be when {@code configSource} is the defaults
 * @param configSource the file or the built-in defaults
 * @param caches       rows, grouped: model caches, application caches, legacy caches
 * @param totals       per group that has rows, in group order
 * @param total        all rows together
 * @param warnings     every finding (whatever its severity), in the order they were found
 * @param exactDiskBytes whether disk bytes are the file system's own figures ({@code du -B1}) rather than an
 *                       estimate from apparent sizes (where the platform gives no {@code st_blocks})
 */
public record StatusReport(Path projectRoot, Path configFile, ConfigSource configSource, List<CacheStatus> caches,
                           Map<StatusGroup, TreeUsage> totals, TreeUsage total, List<Finding> warnings,
                           boolean exactDiskBytes) {

    /** Copies the collections. */
    public StatusReport {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(configSource, "configSource");
        caches = List.copyOf(caches);
        totals = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(totals));
        Objects.requireNonNull(total, "total");
        warnings = List.copyOf(warnings);
    }
}
