package dev.cachectl.core.validate;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.registry.ProviderRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a parsed config: the JSON Schema of {@code dev.cachectl.schemas} plus the semantic rules of
 * docs/config-reference.md ("What validation rejects, and why"). Every problem carries file, line, column,
 * JSON pointer and a stable code (documented in docs/error-codes.md).
 */
public final class ConfigValidator {

    /** Problems in file order; those without a position (line 0) last. */
    private static final Comparator<ConfigProblem> FILE_ORDER = Comparator
            .comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(ConfigProblem::column);

    /**
     * The code of a key that names a provider which failed to load (or may be a plugin that failed). The config
     * may be right and the plugin broken: {@code validate} reports it, the other commands go on without that key
     * (they report the provider's failure themselves), so one broken plugin does not stop every cache.
     */
    public static final String PROVIDER_NOT_LOADED = "CFG_PROVIDER_NOT_LOADED";

    private ConfigValidator() {
    }

    /**
     * Builds the JSON mapper and compiles the config schema now (both are built once per process on first
     * use). Called from a background thread while the command line is still being parsed, so a command that
     * loads the config finds them ready.
     */
    public static void prepare() {
        ConfigSchema.node();
    }

    /**
     * The problems of {@code config}, in file order; empty when it is valid. The built-in defaults are
     * valid unless a plugin's default directory overlaps another cache.
     *
     * @param config   the parsed config (file or defaults)
     * @param registry the loaded providers: their keys and defaults are part of the rules
     * @param host     the calling environment: its home directory may not be a cache
     */
    public static List<ConfigProblem> validate(LoadedConfig config, ProviderRegistry registry, HostEnvironment host) {
        SourceLocations locations = SourceLocations.of(config.text());
        List<ConfigProblem> found = new ArrayList<>(new SchemaProblems(config, registry, locations).check());
        found.addAll(new SemanticChecks(config, registry, host.home(), locations).check());
        found.addAll(new ProviderSettingsRules(config, registry, locations).check());
        // The schema and the semantic rules both see NUL bytes and empty paths; report each once.
        Set<String> seen = new HashSet<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigProblem problem : found) {
            if (seen.add(problem.code() + "\u0000" + problem.pointer())) {
                problems.add(problem);
            }
        }
        problems.sort(FILE_ORDER);
        return List.copyOf(problems);
    }
}
