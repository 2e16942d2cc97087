package dev.cachectl.cli;

import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.PluginFolders;
import dev.cachectl.core.text.TerminalText;
import dev.cachectl.core.trust.PluginTrust;
import dev.cachectl.core.trust.TrustActions;
import dev.cachectl.core.trust.TrustStore;
import dev.cachectl.core.trust.TrustStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cachectl plugins trust|untrust [JAR...]}: the jars of a project's {@code .cachectl/plugins} run only
 * once the user has trusted them, by content (SHA-256), as {@code direnv allow} works.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Trust or untrust the plugin jars of the project's .cachectl/plugins folder.",
                "Those jars run only once you trust them (by SHA-256: a changed jar is untrusted again). --plugins"
                        + " folders and your own folder (${XDG_CONFIG_HOME:-~/.config}/cachectl/plugins) need no"
                        + " trust. In CI set " + PluginTrust.CI_VARIABLE + "=1 instead."},
        synopsisSubcommandLabel = "(trust | untrust)")
final class PluginsCommand implements Runnable {

    private final RootCommand root;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    PluginsCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public void run() {
        spec.commandLine().usage(root.invocation().err());
        throw new CliException(ExitCode.USAGE, "a subcommand is required: 'cachectl plugins trust' or 'cachectl"
                + " plugins untrust'");
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = {"Trust plugin jars as they are now: by default every jar of the project's"
                    + " .cachectl/plugins. Review a jar before you trust it: it runs with your rights."})
    int trust(@Parameters(paramLabel = "JAR", arity = "0..*", description = "Jars to trust (default: all of the"
            + " project's plugin folder).") List<Path> named) {
        List<TrustActions.JarTrust> done;
        try {
            done = TrustActions.trustJars(jars(named), root.host());
        } catch (TrustStoreException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        PrintWriter out = root.invocation().out();
        for (TrustActions.JarTrust jar : done) {
            out.println((jar.changed() ? "trusted " : "already trusted ") + TerminalText.escape(jar.jar().toString())
                    + " (sha256 " + jar.sha256() + ")");
        }
        if (!done.isEmpty()) {
            out.println("recorded in " + TerminalText.escape(TrustStore.location(root.host()).toString()));
        }
        return ExitCode.OK;
    }

    @Command(name = "untrust", mixinStandardHelpOptions = true,
            description = {"Forget the trust of plugin jars (by default every jar of the project's"
                    + " .cachectl/plugins): they no longer load."})
    int untrust(@Parameters(paramLabel = "JAR", arity = "0..*", description = "Jars to untrust (default: all of"
            + " the project's plugin folder).") List<Path> named) {
        List<TrustActions.JarTrust> done;
        try {
            done = TrustActions.untrustJars(jars(named), root.host());
        } catch (TrustStoreException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        PrintWriter out = root.invocation().out();
        for (TrustActions.JarTrust jar : done) {
            out.println((jar.changed() ? "untrusted " : "was not trusted: ")
                    + TerminalText.escape(jar.jar().toString()));
        }
        return ExitCode.OK;
    }

    /** The named jars, else those of the project's plugin folder; none at all is an error that says where. */
    private List<Path> jars(List<Path> named) throws TrustStoreException {
        List<Path> given = named == null ? List.of() : new ArrayList<>(named);
        // built, not looked up among the search folders: those drop a folder also named with --plugins
        Path projectFolder = ProjectLocator.locate(root.invocation().workingDirectory(),
                root.request().projectOverride()).root().resolve(PluginFolders.PROJECT_FOLDER);
        List<Path> jars = TrustActions.jars(given, root.invocation().workingDirectory(), projectFolder);
        if (jars.isEmpty()) {
            throw new TrustStoreException("no jars in " + projectFolder + "; name the jars, or run this inside the"
                    + " project (or give --project DIR)", null);
        }
        return jars;
    }
}
