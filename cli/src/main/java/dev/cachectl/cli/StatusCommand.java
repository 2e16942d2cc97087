package dev.cachectl.cli;

import dev.cachectl.core.findings.FindingSummary;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.status.StatusCollector;
import dev.cachectl.core.status.StatusReport;
import dev.cachectl.core.status.StatusRequest;
import dev.cachectl.core.status.UnknownProviderException;
import dev.cachectl.core.workspace.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cachectl status}: where every cache lives, what it holds, and what looks wrong. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every cache: location, size (apparent and on disk), files, newest change.",
                "Caches are grouped into model, application and legacy caches, with totals.",
                "It warns when a legacy cache is not empty or a folder is missing or unwritable.",
                "It warns when a cache of the same kind lives outside the project.",
                "It warns of misplaced transformers downloads and variables pointing elsewhere.",
                "Warnings never change the exit code: 0 unless the command could not run."},
        footerHeading = "%nExamples:%n",
        footer = {"  cachectl status                        every cache, with totals and warnings",
                "  cachectl status huggingface --details  one provider, its repos and revisions",
                "  cachectl status --json > status.json   the report as a JSON document"})
final class StatusCommand implements Callable<Integer> {

    private final RootCommand root;

    @Parameters(paramLabel = "PROVIDER", arity = "0..*", completionCandidates = CompletionCandidates.ProviderIds.class,
            description = "Only these providers (ids from 'cachectl providers'); default: all, plus legacy caches.")
    private List<String> providers = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON document (schema_version 1) instead of tables.")
    private boolean json;

    @Option(names = "--details", description = "Add each provider's own view: hub repos and revisions, torch"
            + " checkpoints, partial downloads.")
    private boolean details;

    @Option(names = FindingText.SHOW_ALL, description = "List every warning (so does --details); by default"
            + " more than " + FindingSummary.THRESHOLD + " of one code on one cache are one line with a count"
            + " (--json always lists every one).")
    private boolean showWarnings;

    StatusCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Workspace workspace = root.workspace();
        Invocation invocation = root.invocation();
        StatusReport report;
        try (ProgressLine progress = ProgressLine.start(invocation.err(), "scanning", invocation.interactive())) {
            report = StatusCollector.standard(progress.walks()).collect(workspace,
                    new StatusRequest(providers, details, invocation.workingDirectory()));
        } catch (UnknownProviderException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        PrintWriter out = invocation.out();
        if (json) {
            out.print(JsonText.write(StatusJson.of(report)));
        } else {
            new StatusText(out, invocation.home(), showWarnings || details).print(report);
        }
        return ExitCode.OK;
    }
}
