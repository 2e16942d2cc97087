package dev.cachectl.core.validate;

import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.ConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@code cachectl validate}: which config was checked and what is wrong with it.
 *
 * @param file     the config file checked; where it would be when {@code source} is the defaults
 * @param source   a file, or the built-in defaults (no config file exists)
 * @param problems what is wrong, in file order; empty when valid
 */
public record ValidationReport(Path file, ConfigSource source, List<ConfigProblem> problems) {

    /** Validates and copies. */
    public ValidationReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems);
    }

    /** Whether the config has no problems. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
