package dev.cachectl.core.registry;

import dev.cachectl.api.HostEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folders searched for plugin jars, in order: every {@code --plugins DIR}, the project's
 * {@code .cachectl/plugins}, then the per-user folder. Nothing else is searched; in particular not the working
 * directory, so running cachectl in a download folder never loads a stray jar.
 */
public final class PluginFolders {

    /** The project's plugin folder, relative to the project root. */
    public static final Path PROJECT_FOLDER = Path.of(".cachectl", "plugins");

    private PluginFolders() {
    }

    /**
     * The search order.
     *
     * @param optionFolders {@code --plugins} folders, absolute or relative to {@code workingDirectory}
     * @param workingDirectory where the command runs (only to resolve relative {@code --plugins} folders)
     * @param projectRoot   the project root
     * @param host          the calling environment, for the per-user folder
     */
    public static List<PluginFolder> searchOrder(List<Path> optionFolders, Path workingDirectory, Path projectRoot,
                                                 HostEnvironment host) {
        List<PluginFolder> folders = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path option : optionFolders) {
            add(folders, seen, workingDirectory.resolve(option), PluginFolder.Origin.OPTION);
        }
        add(folders, seen, projectRoot.resolve(PROJECT_FOLDER), PluginFolder.Origin.PROJECT);
        add(folders, seen, userFolder(host), PluginFolder.Origin.USER);
        return List.copyOf(folders);
    }

    /**
     * The per-user folder: {@code %APPDATA%\cachectl\plugins} on Windows (default
     * {@code ~\AppData\Roaming}), else {@code $XDG_CONFIG_HOME/cachectl/plugins} when that is absolute (the XDG
     * rule), else {@code ~/.config/cachectl/plugins}.
     */
    public static Path userFolder(HostEnvironment host) {
        Path base;
        if (host.windows()) {
            base = host.get("APPDATA").map(Path::of).filter(Path::isAbsolute)
                    .orElse(host.home().resolve("AppData").resolve("Roaming"));
        } else {
            base = host.get("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                    .orElse(host.home().resolve(".config"));
        }
        return base.resolve("cachectl").resolve("plugins");
    }

    /** Adds a folder once: the same folder reached twice is searched at its first place only. */
    private static void add(List<PluginFolder> folders, Set<Path> seen, Path folder, PluginFolder.Origin origin) {
        Path normalized = folder.toAbsolutePath().normalize();
        if (seen.add(normalized)) {
            folders.add(new PluginFolder(normalized, origin, Files.isDirectory(normalized)));
        }
    }
}
