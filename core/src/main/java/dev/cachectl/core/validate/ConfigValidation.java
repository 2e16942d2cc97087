package dev.cachectl.core.validate;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.config.ConfigLoadResult;
import dev.cachectl.core.config.ConfigLoader;
import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.ProviderRegistry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code cachectl validate [FILE]} as one call: find the file and its project, load it strictly, and run
 * the schema and the semantic rules. A malformed file is a report with problems; only a file that cannot
 * be read at all (missing, a directory, no permission) is an exception.
 */
public final class ConfigValidation {

    private ConfigValidation() {
    }

    /**
     * Validates a config.
     *
     * @param workingDirectory where the command runs
     * @param projectOverride  {@code --project DIR}, when given
     * @param file             the file to validate; without it, the project's config, or the built-in
     *                         defaults when the project has none
     * @param registry         the loaded providers
     * @param host             the calling environment
     * @throws ConfigUnreadableException when the file is missing (and was named), a directory or unreadable
     */
    public static ValidationReport run(Path workingDirectory, Optional<Path> projectOverride, Optional<Path> file,
                                       ProviderRegistry registry, HostEnvironment host)
            throws ConfigUnreadableException {
        Project project = file.isPresent()
                ? ProjectLocator.forConfigFile(workingDirectory, projectOverride, file.get())
                : ProjectLocator.locate(workingDirectory, projectOverride);
        ConfigLoadResult result = file.isPresent()
                ? ConfigLoader.load(project, project.configFile())
                : ConfigLoader.load(project);
        return switch (result) {
            case ConfigLoadResult.Malformed malformed ->
                    new ValidationReport(project.configFile(), ConfigSource.FILE, malformed.problems());
            case ConfigLoadResult.Parsed parsed -> report(parsed.config(), registry, host);
        };
    }

    private static ValidationReport report(LoadedConfig config, ProviderRegistry registry, HostEnvironment host) {
        return new ValidationReport(config.project().configFile(), config.source(),
                ConfigValidator.validate(config, registry, host));
    }
}
