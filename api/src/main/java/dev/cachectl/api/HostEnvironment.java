package dev.cachectl.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The calling environment as the host sees it, so that providers can work out where libraries would put
 * their caches without this project's settings. Tests pass their own.
 *
 * @param variables the process environment variables
 * @param home      the user's home directory
 * @param windows   whether the host runs on Windows
 */
public record HostEnvironment(Map<String, String> variables, Path home, boolean windows) {

    /** Copies the variables. */
    public HostEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(home, "home");
    }

    /** The value of a variable when it is set and not blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * {@code $XDG_CACHE_HOME} when set to an absolute path, else {@code ~/.cache}: the base that
     * huggingface_hub, torch and openai-whisper all default to.
     */
    public Path xdgCacheHome() {
        return get("XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute).orElse(home.resolve(".cache"));
    }

    /** A variable's value as a path, resolved against the home directory when it starts with {@code ~}. */
    public Optional<Path> path(String name) {
        return get(name).map(value -> value.equals("~") ? home
                : value.startsWith("~/") ? home.resolve(value.substring(2)) : Path.of(value));
    }
}
