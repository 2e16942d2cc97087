package dev.cachectl.core.registry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A folder searched for provider plugin jars.
 *
 * @param path   absolute, normalised folder
 * @param origin why it is searched
 * @param exists whether it is a directory right now (a missing folder is skipped, not an error)
 */
public record PluginFolder(Path path, Origin origin, boolean exists) {

    /** Validates the fields. */
    public PluginFolder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    /** Why a folder is searched, in search order. */
    public enum Origin {
        /** Given with {@code --plugins DIR}. */
        OPTION,
        /** {@code <project>/.cachectl/plugins}. */
        PROJECT,
        /** The per-user folder ({@code $XDG_CONFIG_HOME/cachectl/plugins} or {@code %APPDATA%\cachectl\plugins}). */
        USER;

        /** The lowercase name used in JSON output and tables. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
