package dev.cachectl.core.validate;

import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.registry.ProviderRegistry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a schema cannot express, because they depend on where the project is, where home is and which
 * providers are loaded: safe directories, no overlapping caches, keys that name real providers.
 */
final class SemanticChecks {

    private final LoadedConfig config;
    private final ProviderRegistry registry;
    private final SourceLocations locations;
    private final Path home;
    private final PathSafetyRules safety;

    SemanticChecks(LoadedConfig config, ProviderRegistry registry, Path home, SourceLocations locations) {
        this.config = config;
        this.registry = registry;
        this.locations = locations;
        this.home = home;
        this.safety = new PathSafetyRules(config.project().root(), home);
    }

    List<ConfigProblem> check() {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ProviderKeyRules.Finding finding : ProviderKeyRules.check(config.cacheSection(), registry)) {
            problems.add(problem(finding.code(), finding.pointer(), true, finding.message()));
        }
        List<OverlapRule.Placed> placed = new ArrayList<>();
        boolean baseDirSafe = true;
        for (ConfiguredPath entry : ConfiguredPath.of(config, registry)) {
            if (!entry.configured()) {
                // A default is only as safe as the base_dir it was moved under, which is checked itself.
                if (baseDirSafe || entry.pointer().isEmpty()) {
                    try {
                        placed.add(new OverlapRule.Placed(entry,
                                ResolvedPath.of(CachePaths.resolve(config.project().root(), home, entry.raw()))));
                    } catch (InvalidPathException e) {
                        // A provider's default the registry let through but this file system rejects:
                        // nothing in the config to point at, and nothing there to overlap.
                    }
                }
                continue;
            }
            switch (safety.check(entry)) {
                case PathSafetyRules.Outcome.Safe safe -> placed.add(new OverlapRule.Placed(entry, safe.path()));
                case PathSafetyRules.Outcome.Unsafe unsafe -> {
                    if (entry.kind() == ConfiguredPath.Kind.BASE_DIR) {
                        baseDirSafe = false;
                    }
                    problems.add(problem(unsafe.violation().code(), entry.pointer(), false,
                            unsafe.violation().message()));
                }
            }
        }
        for (OverlapRule.Overlap overlap : OverlapRule.find(placed, this::filePosition)) {
            problems.add(problem("CFG_OVERLAP", overlap.blamed().pointer(), false, overlap.message()));
        }
        return problems;
    }

    /** Where an entry is written, as one sortable number; defaults sort first. */
    private long filePosition(ConfiguredPath entry) {
        SourceLocations.Position at = locations.value(entry.pointer());
        return ((long) at.line() << 32) | at.column();
    }

    private ConfigProblem problem(String code, String pointer, boolean atKey, String message) {
        SourceLocations.Position at = atKey ? locations.key(pointer) : locations.value(pointer);
        return new ConfigProblem(config.project().configFile(), code, pointer, at.line(), at.column(), message);
    }
}
