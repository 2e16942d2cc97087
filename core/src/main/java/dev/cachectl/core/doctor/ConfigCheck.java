package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.validate.ConfigValidation;
import dev.cachectl.core.validate.ValidationReport;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The config, as {@code cachectl validate} checks it; runs even when the config is broken. */
final class ConfigCheck implements Check {

    private final WorkspaceRequest request;
    private final ProviderRegistry registry;
    private final Path configFile;
    private ConfigSource source = ConfigSource.FILE;

    ConfigCheck(WorkspaceRequest request, ProviderRegistry registry, Path configFile) {
        this.request = request;
        this.registry = registry;
        this.configFile = configFile;
    }

    @Override
    public String name() {
        return "config";
    }

    /** Whether the file or the built-in defaults were checked; known once {@link #run()} has run. */
    ConfigSource source() {
        return source;
    }

    @Override
    public List<Finding> run() {
        List<Finding> found = new ArrayList<>();
        try {
            ValidationReport report = ConfigValidation.run(request.workingDirectory(), request.projectOverride(),
                    Optional.empty(), registry, request.host());
            source = report.source();
            if (report.source() == ConfigSource.DEFAULTS) {
                found.add(Finding.of(name(), "DOCTOR_CONFIG_DEFAULTS", Severity.INFO, "no " + report.file()
                        + ": the built-in defaults are used", "cachectl init"));
            }
            for (ConfigProblem problem : report.problems()) {
                found.add(Finding.of(name(), problem.code(), Severity.ERROR, problem.toCompilerStyle(),
                        "edit the config, then run 'cachectl validate'").at(report.file()));
            }
        } catch (ConfigUnreadableException e) {
            found.add(Finding.of(name(), "DOCTOR_CONFIG_UNREADABLE", Severity.ERROR, e.getMessage(),
                    "make the file readable, or run 'cachectl init --force' to rewrite it").at(configFile));
        }
        return found;
    }
}
