package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.trust.ProjectSafety;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceException;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // The checks that need the cache locations run once the project can be opened; the config check says
        // why not when the config is invalid, and a project refused for another reason (one others could have
        // written, CFG_UNSAFE_PROJECT) is reported here as the error it is.
        try {
            Workspace workspace = Workspace.open(request, registry);
            checks.addAll(List.of(new GitignoreCheck(workspace), new CachesCheck(workspace,
                    request.workingDirectory())));
        } catch (WorkspaceException e) {
            if (e.getCause() instanceof ProjectSafety.UnsafeProjectException) {
                checks.add(new RefusedProjectCheck(e.getMessage()));
            }
        }
        Map<String, Severity> worst = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            List<Finding> found = check.run();
            findings.addAll(found);
            worst.put(check.name(), found.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO));
        }
        return new DoctorReport(project.root(), project.configFile(), config.source(), worst, findings);
    }

    /** The project was refused before any cache could be looked at. */
    private record RefusedProjectCheck(String message) implements Check {
        @Override
        public String name() {
            return "project";
        }

        @Override
        public List<Finding> run() {
            return List.of(Finding.of(name(), ProjectSafety.CODE, Severity.ERROR, message,
                    "cachectl trust DIR, once you have checked who wrote the config"));
        }
    }
}
