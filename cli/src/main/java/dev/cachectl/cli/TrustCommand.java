package dev.cachectl.cli;

import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.text.TerminalText;
import dev.cachectl.core.trust.ProjectSafety;
import dev.cachectl.core.trust.TrustActions;
import dev.cachectl.core.trust.TrustStore;
import dev.cachectl.core.trust.TrustStoreException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cachectl trust [DIR]} and {@code cachectl untrust [DIR]}: use (or stop using) a project whose config
 * someone else could have written (owned by another user, or writable by others), as git's
 * {@code safe.directory} does.
 */
final class TrustCommand {

    private TrustCommand() {
    }

    /** {@code cachectl trust [DIR]}. */
    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = {"Trust a project folder whose config others could have written (owned by another user,"
                    + " or writable by others): cachectl refuses such a project until you trust it.",
                    "Without DIR: the project of the working directory (or --project). CI: list folders in "
                            + ProjectSafety.SAFE_DIRECTORIES_VARIABLE + " instead."})
    static final class Trust implements Callable<Integer> {
        private final RootCommand root;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The project root.")
        private Path directory;

        Trust(RootCommand root) {
            this.root = root;
        }

        @Override
        public Integer call() {
            TrustActions.JarTrust done;
            try {
                done = TrustActions.trustDirectory(target(root, directory), root.host());
            } catch (TrustStoreException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            }
            root.invocation().out().println((done.changed() ? "trusted " : "already trusted ")
                    + TerminalText.escape(done.jar().toString())
                    + " (recorded in " + TerminalText.escape(TrustStore.location(root.host()).toString()) + ")");
            return ExitCode.OK;
        }
    }

    /** {@code cachectl untrust [DIR]}. */
    @Command(name = "untrust", mixinStandardHelpOptions = true,
            description = {"Forget the trust of a project folder: if others could write its config, cachectl"
                    + " refuses it again."})
    static final class Untrust implements Callable<Integer> {
        private final RootCommand root;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The project root.")
        private Path directory;

        Untrust(RootCommand root) {
            this.root = root;
        }

        @Override
        public Integer call() {
            TrustActions.JarTrust done;
            try {
                done = TrustActions.untrustDirectory(target(root, directory), root.host());
            } catch (TrustStoreException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            }
            root.invocation().out().println((done.changed() ? "untrusted " : "was not trusted: ")
                    + TerminalText.escape(done.jar().toString()));
            return ExitCode.OK;
        }
    }

    private static Path target(RootCommand root, Path directory) {
        Path cwd = root.invocation().workingDirectory();
        return directory != null ? cwd.resolve(directory).toAbsolutePath().normalize()
                : ProjectLocator.locate(cwd, root.projectOverride()).root();
    }
}
