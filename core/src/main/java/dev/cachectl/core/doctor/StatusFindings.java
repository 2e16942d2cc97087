package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.status.CacheStatus;
import dev.cachectl.core.status.StatusCodes;
import dev.cachectl.core.status.StatusCollector;
import dev.cachectl.core.status.StatusReport;
import dev.cachectl.core.status.StatusRequest;
import dev.cachectl.core.status.StatusWarning;
import dev.cachectl.core.status.UnknownProviderException;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code status}'s warnings as doctor findings, so both commands share one implementation of the cache
 * checks. Doctor adds what status leaves implicit: how serious each one is and the command that fixes it.
 */
final class StatusFindings {

    /** Broken now: downloads into these directories fail. */
    private static final List<String> ERRORS = List.of(StatusCodes.CACHE_DIR_NOT_DIRECTORY,
            StatusCodes.CACHE_DIR_NOT_WRITABLE);

    private static final Map<String, String> FIXES = Map.of(
            StatusCodes.CACHE_DIR_MISSING, "cachectl init",
            StatusCodes.CACHE_DIR_NOT_DIRECTORY, "move the file away, then run 'cachectl init'",
            StatusCodes.CACHE_DIR_NOT_WRITABLE, "give yourself write permission (chmod -R u+w DIR)",
            StatusCodes.SCAN_INCOMPLETE, "fix the permissions of the entries 'cachectl status' lists",
            StatusCodes.LEGACY_CACHE_NOT_EMPTY, "cachectl migrate",
            StatusCodes.OUTSIDE_CACHE, "cachectl migrate",
            StatusCodes.ENV_MISMATCH, "eval \"$(cachectl env)\" (or run the stage with 'cachectl exec')");

    private StatusFindings() {
    }

    static List<DoctorFinding> of(Workspace workspace, Path workingDirectory) {
        StatusReport report;
        try {
            report = StatusCollector.standard(ProgressListener.NONE)
                    .collect(workspace, new StatusRequest(List.of(), false, workingDirectory));
        } catch (UnknownProviderException e) {
            // No provider ids were asked for, so every provider is known.
            throw new IllegalStateException(e);
        }
        List<DoctorFinding> findings = new ArrayList<>();
        for (StatusWarning warning : report.warnings()) {
            if (warning.code().equals(StatusCodes.PROVIDER_FAILED)) {
                continue; // the providers check reports these
            }
            Severity severity = ERRORS.contains(warning.code()) ? Severity.ERROR : Severity.WARNING;
            findings.add(new DoctorFinding("caches", warning.code(), severity, warning.message(),
                    FIXES.getOrDefault(warning.code(), "")));
        }
        for (CacheStatus cache : report.caches()) {
            cache.realPath().ifPresent(real -> findings.add(new DoctorFinding("caches", "DOCTOR_CACHE_LINKED",
                    Severity.INFO, cache.providerId().orElse(cache.name()) + "'s cache " + cache.path()
                    + " really is " + real + " (symbolic links on the way); status measures and clear empties "
                    + real, "")));
        }
        return findings;
    }
}
