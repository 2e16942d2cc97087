package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.migrate.ItemResult;
import dev.cachectl.core.migrate.Migration;
import dev.cachectl.core.migrate.MigrationListener;
import dev.cachectl.core.migrate.MigrationLockedException;
import dev.cachectl.core.migrate.MigrationPlan;
import dev.cachectl.core.migrate.MigrationRequest;
import dev.cachectl.core.migrate.MigrationResult;
import dev.cachectl.core.migrate.MigrationSession;
import dev.cachectl.core.migrate.PlanChangedException;
import dev.cachectl.core.migrate.PlannedSource;
import dev.cachectl.core.status.HumanBytes;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cachectl migrate}: moves caches from outside the project into it, losing nothing. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Move caches from outside the project into the project's caches.",
                "It looks in ~/.cache/huggingface/hub, ~/.cache/torch and ~/.cache/whisper.",
                "It also takes the legacy shared/model-cache/ and hub repos misplaced in HF_HOME.",
                "It shows the plan first; an interrupted run finishes when run again.",
                "Exit codes: 0 done, 1 something stayed (a conflict, in use, failed), 2 usage."},
        footerHeading = "%nExamples:%n",
        footer = {"  cachectl migrate --dry-run                     the plan; nothing changes",
                "  cachectl migrate                               move every cache found",
                "  cachectl migrate --copy huggingface            copy; the source stays",
                "  cachectl migrate --from /data/hf huggingface   a folder of your own"})
final class MigrateCommand implements Callable<Integer> {

    /**
     * Test-only: a JVM system property (never an environment variable, so nothing in a user's shell can turn
     * it on) with a pause in milliseconds before each file-level step, so tests can kill a run midway. Only
     * the test suites pass it, through {@code CACHECTL_JAVA_OPTS=-Dcachectl.test.migrate-step-delay-ms=N}.
     */
    static final String TEST_DELAY_PROPERTY = "cachectl.test.migrate-step-delay-ms";

    private final RootCommand root;

    @Parameters(paramLabel = "PROVIDER", arity = "0..*", completionCandidates = CompletionCandidates.ProviderIds.class,
            description = "Providers to migrate (default: all). With --from, exactly one.")
    private List<String> providers = new ArrayList<>();

    @Option(names = "--from", paramLabel = "PATH",
            description = "Migrate this folder instead (needs one PROVIDER: where its content goes).")
    private Path from;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    private boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (needed without a terminal).")
    private boolean yes;

    @Option(names = "--copy", description = "Copy and keep the sources.")
    private boolean copy;

    @Option(names = "--force", description = "Also move repos whose download lock is held or that have a"
            + " download in progress.")
    private boolean force;

    @Option(names = "--json", description = "Print one JSON document (schema_version 1) with the plan and results.")
    private boolean json;

    MigrateCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Invocation invocation = root.invocation();
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        if (from != null && providers.size() != 1) {
            throw new CliException(ExitCode.USAGE, "--from needs exactly one PROVIDER to know where the content"
                    + " goes, e.g. 'cachectl migrate huggingface --from " + from + "'");
        }
        Optional<Path> source = Optional.ofNullable(from).map(p -> invocation.workingDirectory().resolve(p).normalize());
        if (source.isPresent() && !Files.isDirectory(source.get())) {
            throw new CliException(ExitCode.USAGE, "--from " + source.get() + " is not a directory");
        }
        Workspace workspace = root.workspace();
        MigrationRequest request = new MigrationRequest(providers, source, copy, force, Instant.now());
        MigrationPlan plan = plan(workspace, request);
        if (!json) {
            MigrateText.plan(out, plan, dryRun);
            out.flush();
        }
        if (dryRun || (plan.changesNothing() && Migration.interrupted(workspace).isEmpty())) {
            if (json) {
                out.print(JsonText.write(MigrateJson.document(plan, dryRun, null)));
            }
            return finish(err, plan.hasBlockingEntries(), dryRun ? "dry run" : "nothing was changed");
        }
        if (!plan.changesNothing()) {
            ConfirmationPrompt.confirm(invocation, yes, question(plan), "migrate", "changes files");
        }
        MigrationResult result;
        try (MigrationSession session = Migration.start(workspace, request, plan)) {
            if (session.resumed()) {
                err.println("cachectl: finishing an interrupted migration");
            }
            result = session.execute(plan, listener(invocation), testDelay());
        } catch (MigrationLockedException | PlanChangedException e) {
            throw new CliException(ExitCode.PROBLEM, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.PROBLEM, "cannot use the migration work folder: " + e.getMessage(), e);
        }
        if (json) {
            out.print(JsonText.write(MigrateJson.document(plan, false, result)));
        } else {
            MigrateText.result(out, plan, result);
        }
        return finish(err, plan.hasBlockingEntries() || result.hasBlockingEntries(), "migration finished");
    }

    private static MigrationPlan plan(Workspace workspace, MigrationRequest request) {
        try {
            return Migration.plan(workspace, request);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private static int finish(PrintWriter err, boolean blocking, String what) {
        if (blocking) {
            err.println("cachectl: " + what + ": some entries stay where they are and need a look (conflicts,"
                    + " entries in use or failures, listed above)");
            return ExitCode.PROBLEM;
        }
        return ExitCode.OK;
    }

    private static String question(MigrationPlan plan) {
        String verb = plan.copy() ? "Copy" : "Move";
        return verb + " " + HumanBytes.format(plan.bytesToTransfer()) + " (" + plan.filesToTransfer()
                + " files) into the project" + (plan.copy() ? "" : " and remove the migrated sources") + "?";
    }

    private static MigrationListener listener(Invocation invocation) {
        if (!invocation.interactive()) {
            return MigrationListener.NONE;
        }
        return new MigrationListener() {
            @Override
            public void unitStarted(PlannedSource source, String unit) {
                invocation.err().println("cachectl: migrating " + escape(source.root().resolve(unit)));
            }

            @Override
            public void itemFinished(ItemResult result) {
                if (result.outcome().blocking()) {
                    invocation.err().println("cachectl:   " + result.outcome().jsonName() + ": "
                            + escape(result.item().path() + ": " + result.message()));
                }
            }
        };
    }

    private static Duration testDelay() {
        String value = System.getProperty(TEST_DELAY_PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, TEST_DELAY_PROPERTY + " must be a number of milliseconds", e);
        }
    }
}
