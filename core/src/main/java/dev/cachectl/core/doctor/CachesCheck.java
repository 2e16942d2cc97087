package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.status.CacheStatus;
import dev.cachectl.core.status.StatusCollector;
import dev.cachectl.core.status.StatusReport;
import dev.cachectl.core.status.StatusRequest;
import dev.cachectl.core.status.UnknownProviderException;
import dev.cachectl.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code status} finds, as it finds it (so both commands share one implementation of the cache
 * checks and a provider's severity and fix reach doctor unchanged), plus where a cache really is when links
 * lead elsewhere. Providers that did not load are the providers check's.
 */
final class CachesCheck implements Check {

    private final Workspace workspace;
    private final Path workingDirectory;

    CachesCheck(Workspace workspace, Path workingDirectory) {
        this.workspace = workspace;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String name() {
        return StatusCollector.CACHES;
    }

    @Override
    public List<Finding> run() {
        StatusReport report;
        try {
            report = StatusCollector.standard(ProgressListener.NONE)
                    .collect(workspace, new StatusRequest(List.of(), false, workingDirectory));
        } catch (UnknownProviderException e) {
            // No provider ids were asked for, so every provider is known.
            throw new IllegalStateException(e);
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : report.warnings()) {
            if (!finding.check().equals(StatusCollector.PROVIDERS)) {
                findings.add(finding.inCheck(name()));
            }
        }
        for (CacheStatus cache : report.caches()) {
            cache.realPath().ifPresent(real -> {
                Finding linked = Finding.of(name(), "DOCTOR_CACHE_LINKED", Severity.INFO, cache.providerId()
                        .orElse(cache.name()) + "'s cache " + cache.path() + " really is " + real + " (symbolic links"
                        + " on the way); status measures and clear empties " + real, "").at(cache.path());
                findings.add(cache.providerId().map(linked::about).orElse(linked));
            });
        }
        return findings;
    }
}
