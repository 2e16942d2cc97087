package dev.cachectl.cli;

import dev.cachectl.core.workspace.Warmup;
import java.util.function.Function;
import picocli.CommandLine;

/** cachectl's subcommands, in the order the top-level help lists them, each built only when a run needs it. */
enum Subcommand {
    PROVIDERS("providers", ProvidersCommand::new, Warmup::config),
    PLUGINS("plugins", PluginsCommand::new, () -> { }),
    TRUST("trust", TrustCommand.Trust::new, () -> { }),
    UNTRUST("untrust", TrustCommand.Untrust::new, () -> { }),
    ENV("env", EnvCommand::new, Warmup::config),
    INIT("init", InitCommand::new, Warmup::config),
    EXEC("exec", ExecCommand::commandLine, Warmup::config),
    VALIDATE("validate", ValidateCommand::new, Warmup::config),
    SCHEMA("schema", SchemaCommand::new, () -> { }),
    STATUS("status", StatusCommand::new, Warmup::configAndScanner),
    CLEAR("clear", ClearCommand::new, Warmup::configAndScanner),
    DOCTOR("doctor", DoctorCommand::new, Warmup::configAndScanner),
    MIGRATE("migrate", MigrateCommand::new, Warmup::configAndScanner),
    COMPLETION("completion", CompletionCommand::new, () -> { });

    private final String commandName;
    private final Function<RootCommand, Object> factory;
    private final Runnable warmUp;

    Subcommand(String commandName, Function<RootCommand, Object> factory, Runnable warmUp) {
        this.commandName = commandName;
        this.factory = factory;
        this.warmUp = warmUp;
    }

    /**
     * Starts, on a background thread, the set-up this command will need (see core's {@code Warmup}) for the
     * first word of {@code args} that names a command. Only a head start: a wrong guess (say, an option's value
     * that happens to be a command name) costs some idle CPU and nothing else.
     */
    static void warmUpFor(String[] args) {
        for (String arg : args) {
            Subcommand named = named(arg);
            if (named != null) {
                named.warmUp.run();
                return;
            }
        }
    }

    /** The name users type, e.g. {@code status}. */
    String commandName() {
        return commandName;
    }

    /** Builds this subcommand (picocli reflects over its annotations now) and adds it under {@code parent}. */
    void addTo(CommandLine parent, RootCommand root) {
        parent.addSubcommand(commandName, factory.apply(root));
    }

    /** Whether this command works on the whole command tree (the completion script covers every command). */
    boolean needsWholeTree() {
        return this == COMPLETION;
    }

    /** The subcommand called {@code name}, or null. */
    static Subcommand named(String name) {
        for (Subcommand subcommand : values()) {
            if (subcommand.commandName.equals(name)) {
                return subcommand;
            }
        }
        return null;
    }
}
