package dev.cachectl.cli;

import dev.cachectl.core.clear.CacheClearer;
import dev.cachectl.core.clear.ClearOutcome;
import dev.cachectl.core.clear.ClearTarget;
import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.delete.TreeDeleter;
import dev.cachectl.core.text.TerminalText;
import dev.cachectl.core.validate.RealPathSafety;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.ProviderSelection;
import dev.cachectl.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cachectl clear}: empties caches safely (the old clear-models, clear-app and clear-all). */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = {"Empty cache directories; the directories themselves stay.",
                "TARGET is models, app, all or a provider id (see 'cachectl providers').",
                "It shows what will be freed and asks first on a terminal.",
                "Without a terminal it needs --yes.",
                "Tokens, held locks and partial downloads still being written are kept."},
        footerHeading = "%nExamples:%n",
        footer = {"  cachectl clear --dry-run all       what would be freed; nothing changes",
                "  cachectl clear models              empty the model caches (asks first)",
                "  cachectl clear huggingface --yes   no question, as in a script or CI"})
final class ClearCommand implements Callable<Integer> {

    private static final String DELETES_FILES = "deletes files";

    private final RootCommand root;

    @Parameters(arity = "1..*", paramLabel = "TARGET", completionCandidates = CompletionCandidates.ClearTargets.class,
            description = "models, app, all, or provider ids.")
    private List<String> targets;

    @Option(names = "--dry-run", description = "Report exactly what would be deleted; change nothing.")
    private boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask; needed when not on a terminal.")
    private boolean yes;

    @Option(names = "--force", description = "Also delete entries in use (held locks, recent partial downloads).")
    private boolean force;

    @Option(names = "--no-wait", description = "Fail at once on a cache another cachectl command is deleting"
            + " or moving files in, instead of waiting for it.")
    private boolean noWait;

    @Option(names = "--json", description = "Print a JSON document (schema_version 1).")
    private boolean json;

    ClearCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Workspace workspace = root.workspace();
        List<CacheLocation> selected;
        try {
            selected = ProviderSelection.select(workspace, targets);
        } catch (ProviderSelection.UnknownTargetException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        Invocation invocation = root.invocation();
        if (!dryRun) {
            ConfirmationPrompt.requireAWayToConfirm(invocation, yes, "clear", DELETES_FILES);
        }
        CacheClearer clearer = new CacheClearer(TreeDeleter.create(), LockProbe.system(),
                new RealPathSafety(workspace.project().root(), workspace.host().home()), System.currentTimeMillis());
        // Pinned once: the measuring pass, the prompt and the deletion all work on the directories seen here.
        List<ClearTarget> plan = clearer.plan(selected);
        CacheClearer.LockWaitListener waiting = dir -> invocation.err().println("cachectl: waiting for another"
                + " cachectl command working in " + TerminalText.escape(dir.toString()) + " (Ctrl-C to stop, --no-wait to fail instead)");
        ClearRendering rendering = new ClearRendering(invocation.out(), workspace);
        // The measuring pass is what --dry-run reports and what the prompt shows; with --yes nobody reads it,
        // so the deletion walks the caches once, like rm -rf.
        if (dryRun || !yes) {
            List<ClearOutcome> measured;
            try (ProgressLine progress = ProgressLine.start(invocation.err(), "measuring", invocation.interactive())) {
                measured = clearer.clear(plan, true, force, noWait, waiting, progress.listener());
            }
            if (dryRun) {
                return finish(rendering, measured, true);
            }
            rendering.summary(invocation.err(), measured);
            ConfirmationPrompt.confirm(invocation, false, "Delete these files?", "clear", DELETES_FILES);
        }
        List<ClearOutcome> done;
        try (ProgressLine progress = ProgressLine.start(invocation.err(), "deleting", invocation.interactive())) {
            done = clearer.clear(plan, false, force, noWait, waiting, progress.listener());
        }
        return finish(rendering, done, false);
    }

    private int finish(ClearRendering rendering, List<ClearOutcome> outcomes, boolean dry) {
        if (json) {
            rendering.json(outcomes, dry);
        } else {
            rendering.text(outcomes, dry);
        }
        boolean complete = outcomes.stream().allMatch(ClearOutcome::complete);
        if (!complete) {
            long refused = outcomes.stream().filter(o -> o.failed().isPresent()).count();
            boolean denied = outcomes.stream().flatMap(o -> o.report().stream())
                    .flatMap(r -> r.errors().stream()).anyMatch(e -> e.message().contains("Permission denied"));
            String what = refused > 0 ? refused + " cache(s) could not be " + (dry ? "measured" : "cleared")
                    + " (the 'failed' lines above say why)" : "some entries could not be " + (dry ? "read" : "deleted")
                    + " (listed above)";
            root.invocation().err().println("cachectl: " + what + "; " + (denied ? "fix their permissions"
                    : "fix what each line names") + " and run clear again");
        }
        return complete ? ExitCode.OK : ExitCode.PROBLEM;
    }
}
