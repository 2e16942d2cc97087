package dev.cachectl.core.validate;

import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.registry.ProviderRegistry;
import java.util.List;

/**
 * Validates a parsed config: the JSON Schema of {@code dev.cachectl.schemas} plus the semantic rules of
 * DESIGN.md section 5. Every problem carries file, line, column, JSON pointer and a stable code.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /** The problems of {@code config}; empty when it is valid. The defaults are always valid. */
    public static List<ConfigProblem> validate(LoadedConfig config, ProviderRegistry registry) {
        return List.of();
    }
}
