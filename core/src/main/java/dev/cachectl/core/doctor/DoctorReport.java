package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.findings.Finding;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code doctor} checked and found.
 *
 * @param projectRoot  the project examined
 * @param configFile   its config file (where it would be, for the defaults)
 * @param configSource the file or the built-in defaults
 * @param checks       every check that ran, in order, with the worst severity it found ({@code null}-free;
 *                     a check that found nothing maps to {@link Severity#INFO})
 * @param findings     what was found, in check order, each with its finder's severity
 */
public record DoctorReport(Path projectRoot, Path configFile, ConfigSource configSource, Map<String, Severity> checks,
                           List<Finding> findings) {

    /** Copies the collections, keeping their order. */
    public DoctorReport {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(configSource, "configSource");
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        findings = List.copyOf(findings);
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** Whether any finding is a warning ({@code doctor --strict} fails on one). */
    public boolean hasWarnings() {
        return count(Severity.WARNING) > 0;
    }

    /** How many findings have this severity. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
