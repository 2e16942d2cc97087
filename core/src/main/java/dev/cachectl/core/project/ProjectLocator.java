package dev.cachectl.core.project;

import dev.cachectl.core.log.DebugLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project root the way git finds {@code .git}: the nearest folder, from the working directory
 * up, that holds {@code config/hardware_cache.json}.
 */
public final class ProjectLocator {

    /** The code of a {@code --project} that names no folder, documented in docs/error-codes.md. */
    public static final String NO_PROJECT_FOLDER = "CFG_NO_PROJECT_FOLDER";

    /** The config file, relative to the project root. */
    public static final Path CONFIG_FILE = Path.of("config", "hardware_cache.json");

    private ProjectLocator() {
    }

    /**
     * The project for a working directory.
     *
     * @param workingDirectory where the command runs
     * @param override         {@code --project DIR}, when given: used as is, config or not
     */
    public static Project locate(Path workingDirectory, Optional<Path> override) {
        if (override.isPresent()) {
            Path root = workingDirectory.resolve(override.get()).toAbsolutePath().normalize();
            boolean present = Files.exists(root.resolve(CONFIG_FILE));
            DebugLog.debug(ProjectLocator.class, "project {} (--project); config {}: {}", root,
                    root.resolve(CONFIG_FILE), present ? "found" : "none, the built-in defaults apply");
            return new Project(root, root.resolve(CONFIG_FILE), present);
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path config = dir.resolve(CONFIG_FILE);
            if (Files.isRegularFile(config)) {
                DebugLog.debug(ProjectLocator.class, "project {}: config {} found walking up from {}", dir, config,
                        start);
                return new Project(dir, config, true);
            }
        }
        DebugLog.debug(ProjectLocator.class, "project {}: no {} here or above, the built-in defaults apply", start,
                CONFIG_FILE);
        return new Project(start, start.resolve(CONFIG_FILE), false);
    }

    /**
     * Checks {@code --project DIR} before anything uses it, so that a typo fails instead of running on an empty
     * project with the built-in defaults. A symbolic link to a folder is a folder.
     *
     * @param workingDirectory where the command runs; a relative {@code override} is resolved against it
     * @param override         the folder given
     * @param mayBeMissing     whether a missing folder is fine ({@code init} creates it); a file never is
     * @throws ProjectFolderException when {@code override} is a file, or missing and not {@code mayBeMissing}
     */
    public static void checkOverride(Path workingDirectory, Path override, boolean mayBeMissing)
            throws ProjectFolderException {
        Path root = workingDirectory.resolve(override).toAbsolutePath().normalize();
        if (Files.isDirectory(root)) {
            return;
        }
        String given = "--project " + override + (override.isAbsolute() ? "" : " (" + root + ")");
        if (Files.exists(root)) {
            String hint = root.endsWith(CONFIG_FILE) && root.getParent().getParent() != null
                    ? "; to use that config, give its project: --project " + root.getParent().getParent()
                    : "";
            throw new ProjectFolderException(NO_PROJECT_FOLDER + " " + given + " is a file, not a folder; give the"
                    + " project's folder, the one holding " + CONFIG_FILE + hint);
        }
        if (!mayBeMissing) {
            throw new ProjectFolderException(NO_PROJECT_FOLDER + " " + given + ": no such folder; check the path"
                    + " (a relative one starts at the working directory), or create a project there with"
                    + " 'cachectl init --project " + override + "'");
        }
    }

    /**
     * The project a given config file belongs to, for {@code cachectl validate FILE}: {@code --project} when
     * given; else the folder above the file's {@code config/} folder (so {@code other/config/x.json}
     * validates as the config of {@code other/}); else the project of the working directory.
     *
     * @param workingDirectory where the command runs; a relative {@code file} is resolved against it
     * @param override         {@code --project DIR}, when given
     * @param file             the config file to validate
     */
    public static Project forConfigFile(Path workingDirectory, Optional<Path> override, Path file) {
        Path absolute = workingDirectory.resolve(file).toAbsolutePath().normalize();
        Path root;
        if (override.isPresent()) {
            root = workingDirectory.resolve(override.get()).toAbsolutePath().normalize();
        } else {
            Path folder = absolute.getParent();
            boolean inConfigFolder = folder != null && folder.getFileName() != null
                    && folder.getFileName().toString().equals(CONFIG_FILE.getParent().toString())
                    && folder.getParent() != null;
            root = inConfigFolder ? folder.getParent() : locate(workingDirectory, Optional.empty()).root();
        }
        return new Project(root, absolute, Files.exists(absolute));
    }
}
