package dev.cachectl.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script for a picocli command tree (picocli writes bash and zsh only). A helper function
 * finds which command the words typed so far name, skipping options and their values, and each
 * {@code complete} line applies to one command: its subcommands, options, option values and positional
 * candidates. Positionals without candidates complete file names.
 */
final class FishCompletion {

    private static final String AT = "__cachectl_at";
    private static final String IN = "__cachectl_in";

    private FishCompletion() {
    }

    /** The script for the tree under {@code root}. */
    static String script(CommandSpec root) {
        String name = root.name();
        StringBuilder script = new StringBuilder();
        script.append("# fish completion for ").append(name).append(", written by '").append(name)
                .append(" completion fish'.\n# Install: ").append(name).append(" completion fish > ~/.config/fish/"
                        + "completions/").append(name).append(".fish\n\n");
        helpers(script, name, optionsWithValues(root));
        script.append("complete -c ").append(name).append(" -f\n");
        command(script, name, root, List.of());
        return script.toString();
    }

    /**
     * {@code __cachectl_in WORD...}: the command words typed so far start with these; {@code __cachectl_at}:
     * they are exactly these (the place to offer the next subcommand).
     */
    private static void helpers(StringBuilder script, String name, Set<String> withValues) {
        script.append("function __").append(name).append("_words\n")
                .append("    set -l tokens (commandline -opc)\n")
                .append("    set -e tokens[1]\n")
                .append("    set -l skip 0\n")
                .append("    for token in $tokens\n")
                .append("        if test $skip = 1\n            set skip 0\n            continue\n        end\n")
                .append("        switch $token\n")
                .append("            case ").append(String.join(" ", withValues.stream().map(FishCompletion::quote)
                        .toList())).append("\n                set skip 1\n")
                .append("            case '-*'\n")
                .append("            case '*'\n                echo $token\n")
                .append("        end\n    end\nend\n\n")
                .append("function ").append(IN).append("\n")
                .append("    set -l words (__").append(name).append("_words)\n")
                .append("    test (count $words) -ge (count $argv); or return 1\n")
                .append("    for i in (seq (count $argv))\n")
                .append("        test \"$words[$i]\" = \"$argv[$i]\"; or return 1\n")
                .append("    end\nend\n\n")
                .append("function ").append(AT).append("\n")
                .append("    set -l words (__").append(name).append("_words)\n")
                .append("    test (count $words) -eq (count $argv); and ").append(IN).append(" $argv\nend\n\n");
    }

    private static void command(StringBuilder script, String name, CommandSpec spec, List<String> path) {
        String in = condition(IN, path);
        for (CommandSpec sub : spec.subcommands().values().stream().map(c -> c.getCommandSpec()).distinct()
                .toList()) {
            if (sub.usageMessage().hidden()) {
                continue;
            }
            script.append("complete -c ").append(name).append(" -n ").append(quote(condition(AT, path)))
                    .append(" -a ").append(quote(sub.name())).append(" -d ").append(quote(summary(
                            sub.usageMessage().description()))).append('\n');
        }
        for (OptionSpec option : spec.options()) {
            // The root's options are offered at every level already: an inherited copy or -h/-V would repeat them.
            if (option.hidden() || !path.isEmpty() && (option.inherited()
                    || spec.root().findOption(option.longestName()) != null)) {
                continue;
            }
            StringBuilder line = new StringBuilder("complete -c ").append(name).append(" -n ").append(quote(in));
            for (String optionName : option.names()) {
                line.append(optionName.startsWith("--") ? " -l " + optionName.substring(2)
                        : " -s " + optionName.substring(1));
            }
            if (option.arity().max() > 0) {
                List<String> candidates = candidates(option);
                line.append(candidates.isEmpty() ? " -r -F" : " -x -a " + quote(String.join(" ", candidates)));
            }
            script.append(line).append(" -d ").append(quote(summary(option.description()))).append('\n');
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.hidden()) {
                continue;
            }
            List<String> candidates = candidates(positional);
            script.append("complete -c ").append(name).append(" -n ").append(quote(in))
                    .append(candidates.isEmpty() ? " -F" : " -a " + quote(String.join(" ", candidates)))
                    .append('\n');
        }
        spec.subcommands().forEach((subName, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(subName);
                command(script, name, sub.getCommandSpec(), subPath);
            }
        });
    }

    private static Set<String> optionsWithValues(CommandSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (OptionSpec option : spec.options()) {
            if (option.arity().max() > 0) {
                names.addAll(List.of(option.names()));
            }
        }
        spec.subcommands().values().forEach(sub -> names.addAll(optionsWithValues(sub.getCommandSpec())));
        return names;
    }

    private static List<String> candidates(ArgSpec arg) {
        List<String> candidates = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(candidates::add);
        }
        return candidates;
    }

    private static String condition(String function, List<String> path) {
        return path.isEmpty() ? function : function + " " + String.join(" ", path);
    }

    /** The first sentence of a description, as fish shows beside a candidate. */
    private static String summary(String[] description) {
        if (description.length == 0) {
            return "";
        }
        int end = description[0].indexOf(". ");
        return end < 0 ? description[0] : description[0].substring(0, end + 1);
    }

    /** A fish single-quoted string: only backslash and the quote itself are special there. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
