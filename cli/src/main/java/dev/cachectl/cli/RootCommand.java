package dev.cachectl.cli;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.project.ProjectFolderException;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.PluginFolder;
import dev.cachectl.core.registry.ProviderDeadline;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.trust.PluginTrust;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceException;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code cachectl}: the global options and the lazily opened workspace that subcommands share. Nothing
 * here touches core until a subcommand asks, so {@code --version} and {@code --help} stay fast.
 */
@Command(name = "cachectl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Owns the caches of an ML media pipeline: where they live, what they hold, and cleaning them.",
        subcommandsRepeatable = false, synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 ok, 1 a problem was found, 2 usage or unusable input, 74 the output could not be"
                + " written. Docs: docs/README.md"})
final class RootCommand implements Runnable {

    private final Invocation invocation;

    @Option(names = "--project", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = {"Project root, an existing folder (default: the nearest folder upwards holding"
                    + " config/hardware_cache.json)."})
    private Path project;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "A folder of provider plugin jars; repeatable.")
    private List<Path> plugins = new ArrayList<>();

    @Option(names = "--no-plugins", scope = ScopeType.INHERIT,
            description = "Load no plugin jars at all: only the providers shipped with cachectl.")
    private boolean noPlugins;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Debug lines on stderr (project, config, providers, plugin folders) and stack traces.")
    private boolean verbose;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private boolean projectMayBeMissing;
    private List<PluginFolder> pluginFolders;
    private ProviderRegistry registry;

    RootCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public void run() {
        spec.commandLine().usage(invocation.err());
        throw new CliException(ExitCode.USAGE, "a command is required, e.g. 'cachectl status'");
    }

    Invocation invocation() {
        return invocation;
    }

    boolean verbose() {
        return verbose;
    }

    HostEnvironment host() {
        return new HostEnvironment(invocation.environment(), invocation.home(), isWindows());
    }

    /**
     * {@code --project DIR}, when given. A folder that does not exist, or a file, is a usage error (checked by
     * {@link ProjectLocator#checkOverride}), unless {@link #mayCreateProject()} was called and it is missing.
     */
    Optional<Path> projectOverride() {
        if (project != null) {
            try {
                ProjectLocator.checkOverride(invocation.workingDirectory(), project, projectMayBeMissing);
            } catch (ProjectFolderException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            }
        }
        return Optional.ofNullable(project);
    }

    /** For {@code init}: a {@code --project} folder that does not exist yet is created, not refused. */
    void mayCreateProject() {
        projectMayBeMissing = true;
    }

    WorkspaceRequest request() {
        return new WorkspaceRequest(invocation.workingDirectory(), projectOverride(), plugins, host());
    }

    /**
     * The folders searched for plugin jars, in order. A {@code --plugins} folder that does not exist is a usage
     * error: a typo must not silently run without the plugin.
     */
    List<PluginFolder> pluginFolders() {
        if (noPlugins) {
            if (!plugins.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "--plugins and --no-plugins contradict each other; give one"
                        + " of them");
            }
            return List.of();
        }
        if (pluginFolders == null) {
            List<PluginFolder> folders = Workspace.pluginFolders(request());
            for (PluginFolder folder : folders) {
                if (folder.origin() == PluginFolder.Origin.OPTION && !folder.exists()) {
                    throw new CliException(ExitCode.USAGE, "--plugins " + folder.path() + ": no such folder;"
                            + " check the path (it is relative to the working directory)");
                }
            }
            pluginFolders = folders;
        }
        return pluginFolders;
    }

    /** Whether {@code --no-plugins} was given. */
    boolean noPlugins() {
        return noPlugins;
    }

    /**
     * The built-in providers and those of the plugin folders, loaded once per run: only safe folders and jars,
     * and of the project's folder only trusted jars ({@link PluginTrust}); every plugin call under the deadline.
     */
    ProviderRegistry registry() {
        if (registry == null) {
            registry = ProviderRegistry.loadWithPlugins(pluginFolders(), deadline(), new PluginTrust(host()));
        }
        return registry;
    }

    /** How long a plugin's call may take: {@value ProviderDeadline#VARIABLE}, else the default. */
    ProviderDeadline deadline() {
        Optional<String> configured = host().get(ProviderDeadline.VARIABLE);
        if (configured.isEmpty()) {
            return ProviderDeadline.DEFAULT;
        }
        return ProviderDeadline.parse(configured.get()).orElseThrow(() -> new CliException(ExitCode.USAGE,
                ProviderDeadline.VARIABLE + "=" + configured.get() + ": not a deadline; use e.g. 500ms, 5s or 1m"));
    }

    Workspace workspace() {
        try {
            // the project first: plugins of a project that is refused are not even read
            Workspace.checkProject(request());
            return Workspace.open(request(), registry());
        } catch (WorkspaceException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
