package dev.cachectl.core.workspace;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.config.ConfigLoadResult;
import dev.cachectl.core.config.ConfigLoader;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.PluginFolder;
import dev.cachectl.core.registry.PluginFolders;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import dev.cachectl.core.trust.ProjectSafety;
import dev.cachectl.core.validate.ConfigValidator;
import java.nio.file.Path;
import java.util.List;

/**
 * An opened project: its root, its valid config (or the defaults), its providers and where each cache
 * lives. Every command except {@code validate} and {@code schema} starts here.
 *
 * @param project  the project
 * @param config   its config
 * @param registry the providers of this run
 * @param caches   one location per working provider, in registry order
 * @param host     the calling environment
 */
public record Workspace(Project project, LoadedConfig config, ProviderRegistry registry, List<CacheLocation> caches,
                        HostEnvironment host) {

    /** Copies the list. */
    public Workspace {
        caches = List.copyOf(caches);
    }

    /**
     * Finds the project, refuses it when someone else could have written its config ({@link ProjectSafety}),
     * loads and validates its config, loads the built-in and plugin providers.
     */
    public static Workspace open(WorkspaceRequest request) throws WorkspaceException {
        return open(request, ProviderRegistry.loadWithPlugins(pluginFolders(request)));
    }

    /**
     * The folders searched for plugin jars, in order: every {@code --plugins DIR}, the project's
     * {@code .cachectl/plugins}, the per-user folder. Finds the project first, since its root names the second.
     */
    public static List<PluginFolder> pluginFolders(WorkspaceRequest request) {
        Project project = ProjectLocator.locate(request.workingDirectory(), request.projectOverride());
        return PluginFolders.searchOrder(request.pluginDirs(), request.workingDirectory(), project.root(),
                request.host());
    }

    /**
     * Refuses the project of {@code request} when someone else could have written its config
     * ({@link ProjectSafety}). Callers run it before loading plugins, so an unsafe project's jars are not even
     * hashed; {@link #open(WorkspaceRequest, ProviderRegistry)} runs it again.
     */
    public static Project checkProject(WorkspaceRequest request) throws WorkspaceException {
        Project project = ProjectLocator.locate(request.workingDirectory(), request.projectOverride());
        try {
            ProjectSafety.check(project, request.host());
        } catch (ProjectSafety.UnsafeProjectException e) {
            throw new WorkspaceException(e.getMessage(), e);
        }
        return project;
    }

    /** As {@link #open(WorkspaceRequest)}, with the providers already loaded. */
    public static Workspace open(WorkspaceRequest request, ProviderRegistry registry) throws WorkspaceException {
        Project project = checkProject(request);
        ConfigLoadResult result;
        try {
            result = ConfigLoader.load(project);
        } catch (ConfigUnreadableException e) {
            throw new WorkspaceException(e.getMessage(), e);
        }
        LoadedConfig config = switch (result) {
            case ConfigLoadResult.Parsed parsed -> parsed.config();
            case ConfigLoadResult.Malformed malformed -> throw invalid(malformed.problems());
        };
        // A key of a provider that failed to load is left unread: the failure itself is reported by the command.
        List<ConfigProblem> problems = ConfigValidator.validate(config, registry, request.host()).stream()
                .filter(p -> !p.code().equals(ConfigValidator.PROVIDER_NOT_LOADED)).toList();
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Workspace(project, config, registry, locate(config, registry, request.host()), request.host());
    }

    /** Where each provider's cache lives under {@code config}. */
    public static List<CacheLocation> locate(LoadedConfig config, ProviderRegistry registry, HostEnvironment host) {
        Path root = config.project().root();
        return registry.providers().stream().map(provider -> {
            String raw = CachePaths.effective(config, provider.configKey(), provider.defaultPath());
            boolean fromConfig = config.value(provider.configKey()).isPresent();
            return new CacheLocation(provider, CachePaths.resolve(root, host.home(), raw), raw, fromConfig);
        }).toList();
    }

    /** The locations of the given providers. */
    public List<CacheLocation> cachesOf(List<RegisteredProvider> providers) {
        return caches.stream().filter(c -> providers.contains(c.provider())).toList();
    }

    private static WorkspaceException invalid(List<ConfigProblem> problems) {
        ConfigProblem first = problems.getFirst();
        String more = problems.size() > 1 ? " (" + (problems.size() - 1) + " more; run 'cachectl validate')"
                : " (run 'cachectl validate' for details)";
        return new WorkspaceException("invalid config: " + first.toCompilerStyle() + more, null);
    }
}
