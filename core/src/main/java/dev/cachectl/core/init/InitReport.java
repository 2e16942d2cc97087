package dev.cachectl.core.init;

import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.gitignore.GitignoreUpdate;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.workspace.CacheLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code init} found and did.
 *
 * @param project     the project (its root is where the config now is)
 * @param config      what happened to the config file
 * @param directories one result per cache, in provider order
 * @param environment the variables {@code cachectl env} will export for these caches
 * @param gitignore   what {@code --gitignore} did, when asked
 */
public record InitReport(Project project, ConfigAction config, List<DirectoryResult> directories,
                         CacheEnvironment environment, Optional<GitignoreUpdate> gitignore) {

    /** Copies the list. */
    public InitReport {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(config, "config");
        directories = List.copyOf(directories);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(gitignore, "gitignore");
    }

    /** Whether something could not be done (a directory that could not be created). */
    public boolean failed() {
        return directories.stream().anyMatch(d -> d.action() == DirectoryAction.FAILED);
    }

    /** Whether this run changed nothing on disk. */
    public boolean unchanged() {
        return config == ConfigAction.UNCHANGED
                && directories.stream().allMatch(d -> d.action() == DirectoryAction.EXISTS && d.created().isEmpty())
                && gitignore.map(g -> g.action() == GitignoreUpdate.Action.UNCHANGED).orElse(true);
    }

    /** What happened to {@code config/hardware_cache.json}. */
    public enum ConfigAction {
        /** There was none; the defaults were written. */
        CREATED,
        /** {@code --force}: the {@code cache} section was reset to the defaults, every other key kept. */
        RESET,
        /** It exists and was left as it was (without {@code --force}, or already equal to the defaults). */
        UNCHANGED;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What happened to one cache directory. */
    public enum DirectoryAction {
        /** It was created. */
        CREATED,
        /** It was already there. */
        EXISTS,
        /** It could not be created; see the error. */
        FAILED;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One cache directory.
     *
     * @param location the provider and its directory
     * @param action   created, already there, or failed
     * @param created  the folders this run created (the directory and folders inside it the provider's
     *                 variables point at, e.g. {@code hub})
     * @param error    why it failed, one line
     */
    public record DirectoryResult(CacheLocation location, DirectoryAction action, List<Path> created,
                                  Optional<String> error) {

        /** Copies the list. */
        public DirectoryResult {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(action, "action");
            created = List.copyOf(created);
            Objects.requireNonNull(error, "error");
        }
    }
}
