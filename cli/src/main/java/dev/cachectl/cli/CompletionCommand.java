package dev.cachectl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cachectl completion [bash|zsh|fish]}: a completion script for every command, option, target and
 * provider id, generated from the command definitions so it is never out of date. bash and zsh share picocli's
 * script (zsh runs it through bashcompinit); fish gets its own ({@link FishCompletion}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for every command, option, target and provider id.",
                "The script is made from the commands themselves, so it is never out of date."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(cachectl completion)          bash or zsh, this shell",
                "  cachectl completion > ~/.local/share/bash-completion/completions/cachectl",
                "  cachectl completion fish > ~/.config/fish/completions/cachectl.fish"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script is written for. */
    enum Shell { BASH, ZSH, FISH }

    private final RootCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            completionCandidates = CompletionCandidates.Shells.class,
            description = "bash (the default), zsh (the same script, through bashcompinit) or fish.")
    private Shell shell;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    CompletionCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        CommandLine tree = spec.root().commandLine();
        String name = tree.getCommandName();
        String script = switch (shell) {
            case BASH, ZSH -> AutoComplete.bash(name, tree);
            case FISH -> FishCompletion.script(tree.getCommandSpec());
        };
        root.invocation().out().print(script);
        return ExitCode.OK;
    }
}
