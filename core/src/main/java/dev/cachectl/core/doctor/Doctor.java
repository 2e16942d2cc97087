package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.gitignore.CoverageReport;
import dev.cachectl.core.gitignore.GitignoreCoverage;
import dev.cachectl.core.gitignore.IgnoreVerdict;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.validate.ConfigValidation;
import dev.cachectl.core.validate.ValidationReport;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceException;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cachectl doctor}: every check in one run: the config, the providers, {@code .gitignore} coverage,
 * and everything {@code status} warns about (cache directories missing or unwritable, legacy caches, copies
 * outside the project, environment drift, provider findings). Unlike the other commands it does not stop at
 * a broken config: it reports the config's problems and goes on with everything that does not need it.
 */
public final class Doctor {

    private final List<DoctorFinding> findings = new ArrayList<>();
    private final Map<String, Severity> checks = new LinkedHashMap<>();

    private Doctor() {
    }

    /** Examines the project of {@code request} with the given providers. */
    public static DoctorReport examine(WorkspaceRequest request, ProviderRegistry registry) {
        return new Doctor().run(request, registry);
    }

    private DoctorReport run(WorkspaceRequest request, ProviderRegistry registry) {
        Project project = ProjectLocator.locate(request.workingDirectory(), request.projectOverride());
        ConfigSource source = checkConfig(request, registry);
        checkProviders(registry);
        Optional<Workspace> workspace = open(request, registry);
        if (workspace.isPresent()) {
            checkGitignore(workspace.get());
            record("caches", StatusFindings.of(workspace.get(), request.workingDirectory()));
        }
        return new DoctorReport(project.root(), project.configFile(), source, checks, findings);
    }

    private ConfigSource checkConfig(WorkspaceRequest request, ProviderRegistry registry) {
        List<DoctorFinding> found = new ArrayList<>();
        ConfigSource source = ConfigSource.FILE;
        try {
            ValidationReport report = ConfigValidation.run(request.workingDirectory(), request.projectOverride(),
                    Optional.empty(), registry, request.host());
            source = report.source();
            if (report.source() == ConfigSource.DEFAULTS) {
                found.add(new DoctorFinding("config", "DOCTOR_CONFIG_DEFAULTS", Severity.INFO, "no "
                        + report.file() + ": the built-in defaults are used", "cachectl init"));
            }
            for (ConfigProblem problem : report.problems()) {
                found.add(new DoctorFinding("config", problem.code(), Severity.ERROR, problem.toCompilerStyle(),
                        "edit the config, then run 'cachectl validate'"));
            }
        } catch (ConfigUnreadableException e) {
            found.add(new DoctorFinding("config", "DOCTOR_CONFIG_UNREADABLE", Severity.ERROR, e.getMessage(),
                    "make the file readable, or run 'cachectl init --force' to rewrite it"));
        }
        record("config", found);
        return source;
    }

    private void checkProviders(ProviderRegistry registry) {
        List<DoctorFinding> found = new ArrayList<>();
        for (ProviderFailure failure : registry.failures()) {
            found.add(new DoctorFinding("providers", "DOCTOR_PROVIDER_FAILED", Severity.ERROR, "provider "
                    + failure.id() + " (" + failure.origin().source() + ") failed: " + failure.reason(),
                    "update or remove the plugin jar; 'cachectl providers' lists every provider"));
        }
        record("providers", found);
    }

    private Optional<Workspace> open(WorkspaceRequest request, ProviderRegistry registry) {
        try {
            return Optional.of(Workspace.open(request, registry));
        } catch (WorkspaceException e) {
            // Already reported by the config check; the checks that need a valid config are skipped.
            return Optional.empty();
        }
    }

    private void checkGitignore(Workspace workspace) {
        List<Path> dirs = workspace.caches().stream().map(CacheLocation::directory).toList();
        CoverageReport report = GitignoreCoverage.check(workspace.project().root(), dirs, workspace.host());
        List<DoctorFinding> found = new ArrayList<>();
        List<IgnoreVerdict> tracked = report.verdicts().stream()
                .filter(v -> v.state() == IgnoreVerdict.State.NOT_IGNORED).toList();
        if (!report.gitRepository() && !tracked.isEmpty()) {
            // Nothing can be committed yet; one hint is enough.
            found.add(new DoctorFinding("gitignore", "DOCTOR_GITIGNORE_MISSING", Severity.INFO, "the project is not"
                    + " a git work tree; " + tracked.size() + " cache folder(s) would not be ignored once it is",
                    "cachectl init --gitignore"));
        }
        for (IgnoreVerdict verdict : report.gitRepository() ? tracked : List.<IgnoreVerdict>of()) {
            String how = verdict.rule().map(r -> " (re-included by '" + r + "')").orElse("");
            found.add(new DoctorFinding("gitignore", "DOCTOR_GITIGNORE_MISSING", Severity.WARNING,
                    verdict.relativePath() + "/ is not ignored by git" + how + ": its files could be committed",
                    "cachectl init --gitignore"));
        }
        report.note().ifPresent(note -> found.add(new DoctorFinding("gitignore", "DOCTOR_GITIGNORE_BUILT_IN",
                Severity.INFO, note, "")));
        record("gitignore", found);
    }

    private void record(String check, List<DoctorFinding> found) {
        findings.addAll(found);
        Severity worst = found.stream().map(DoctorFinding::severity).max(Enum::compareTo).orElse(Severity.INFO);
        checks.put(check, worst);
    }
}
