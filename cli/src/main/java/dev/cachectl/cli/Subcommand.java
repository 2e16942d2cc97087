package dev.cachectl.cli;

import java.util.function.Function;
import picocli.CommandLine;

/** cachectl's subcommands, in the order the top-level help lists them, each built only when a run needs it. */
enum Subcommand {
    PROVIDERS("providers", ProvidersCommand::new),
    ENV("env", EnvCommand::new),
    INIT("init", InitCommand::new),
    EXEC("exec", ExecCommand::commandLine),
    VALIDATE("validate", ValidateCommand::new),
    SCHEMA("schema", SchemaCommand::new),
    STATUS("status", StatusCommand::new),
    CLEAR("clear", ClearCommand::new),
    DOCTOR("doctor", DoctorCommand::new),
    MIGRATE("migrate", MigrateCommand::new),
    // picocli's own generator: a bash script (zsh loads it through bashcompinit) covering every command.
    COMPLETION("completion", root -> new picocli.AutoComplete.GenerateCompletion());

    private final String commandName;
    private final Function<RootCommand, Object> factory;

    Subcommand(String commandName, Function<RootCommand, Object> factory) {
        this.commandName = commandName;
        this.factory = factory;
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
