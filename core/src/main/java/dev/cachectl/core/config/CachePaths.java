package dev.cachectl.core.config;

import dev.cachectl.api.ConfigKey;
import java.nio.file.Path;
import java.util.Optional;

/** Turns configured path strings into absolute directories. */
public final class CachePaths {

    /** The model caches' base folder when the config does not name one. */
    public static final String DEFAULT_BASE_DIR = ".cache";

    private CachePaths() {
    }

    /**
     * An absolute, normalised path: {@code raw} as is when absolute, {@code ~/...} under {@code home}, else
     * relative to the project root. Separators may be {@code /} on every platform.
     */
    public static Path resolve(Path projectRoot, Path home, String raw) {
        if (raw.equals("~")) {
            return home.toAbsolutePath().normalize();
        }
        if (raw.startsWith("~/")) {
            return home.resolve(raw.substring(2)).toAbsolutePath().normalize();
        }
        return projectRoot.resolve(raw).toAbsolutePath().normalize();
    }

    /**
     * The path string that applies to a provider: the configured value, else its default, moved under a
     * configured {@code base_dir} when the default lives in the default base folder (so setting only
     * {@code base_dir} moves every model cache).
     */
    public static String effective(LoadedConfig config, ConfigKey key, String defaultPath) {
        Optional<String> configured = config.value(key);
        if (configured.isPresent()) {
            return configured.get();
        }
        String prefix = DEFAULT_BASE_DIR + "/";
        Optional<String> base = config.baseDir();
        if (base.isPresent() && defaultPath.startsWith(prefix)) {
            String dir = base.get().endsWith("/") ? base.get() : base.get() + "/";
            return dir + defaultPath.substring(prefix.length());
        }
        return defaultPath;
    }
}
