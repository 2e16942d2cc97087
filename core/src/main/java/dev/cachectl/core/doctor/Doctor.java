package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceException;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cachectl doctor}: every {@link Check} in one run, in order: the config, the providers,
 * {@code .gitignore} coverage, and everything {@code status} finds (cache directories missing or unwritable,
 * legacy caches, copies outside the project, environment drift, provider findings with their own severity).
 * Unlike the other commands it does not stop at a broken config: it reports the config's problems and goes on
 * with the checks that do not need it.
 */
public final class Doctor {

    private Doctor() {
    }

    /** Examines the project of {@code request} with the given providers. */
    public static DoctorReport examine(WorkspaceRequest request, ProviderRegistry registry) {
        Project project = ProjectLocator.locate(request.workingDirectory(), request.projectOverride());
        ConfigCheck config = new ConfigCheck(request, registry, project.configFile());
        List<Check> checks = new ArrayList<>(List.of(config, new ProvidersCheck(registry)));
        // The checks that need the cache locations run once the config is valid; the config check says why not.
        open(request, registry).ifPresent(workspace -> checks.addAll(List.of(new GitignoreCheck(workspace),
                new CachesCheck(workspace, request.workingDirectory()))));
        Map<String, Severity> worst = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            List<Finding> found = check.run();
            findings.addAll(found);
            worst.put(check.name(), found.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO));
        }
        return new DoctorReport(project.root(), project.configFile(), config.source(), worst, findings);
    }

    private static Optional<Workspace> open(WorkspaceRequest request, ProviderRegistry registry) {
        try {
            return Optional.of(Workspace.open(request, registry));
        } catch (WorkspaceException e) {
            // Already reported by the config check.
            return Optional.empty();
        }
    }
}
