package dev.cachectl.cli;

import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Decides, before picocli builds any subcommand, which subcommands a command line can reach: only the one it
 * names, none for a bare {@code --version}, and all of them whenever that is not certain (top-level help,
 * an unknown option or command, no command), so that help and error messages are always the full tree's.
 */
final class SubcommandSelection {

    private SubcommandSelection() {
    }

    /** The subcommands parsing {@code args} against {@code root} can need. */
    static Set<Subcommand> reachable(CommandSpec root, String[] args) {
        Set<Subcommand> all = EnumSet.allOf(Subcommand.class);
        boolean versionOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                Subcommand named = Subcommand.named(arg);
                return named == null || named.needsWholeTree() ? all : EnumSet.of(named);
            }
            int equals = arg.indexOf('=');
            OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || option.usageHelp()) {
                return all;
            }
            if (option.versionHelp()) {
                versionOnly = true;
            } else if (option.arity().max() > 0 && equals < 0) {
                i++; // the option's value, e.g. --project DIR
            }
        }
        return versionOnly ? EnumSet.noneOf(Subcommand.class) : all;
    }
}
