package dev.cachectl.core.workspace;

import dev.cachectl.api.HostEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command knows before it opens the project.
 *
 * @param workingDirectory where the command runs
 * @param projectOverride  {@code --project DIR}
 * @param pluginDirs       {@code --plugins DIR}, in order
 * @param host             the calling environment
 */
public record WorkspaceRequest(Path workingDirectory, Optional<Path> projectOverride, List<Path> pluginDirs,
                               HostEnvironment host) {

    /** Validates and copies. */
    public WorkspaceRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(projectOverride, "projectOverride");
        pluginDirs = List.copyOf(pluginDirs);
        Objects.requireNonNull(host, "host");
    }
}
