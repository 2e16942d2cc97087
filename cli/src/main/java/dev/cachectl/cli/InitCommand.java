package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.env.EnvironmentProblem;
import dev.cachectl.core.env.ProviderEnvironment;
import dev.cachectl.core.env.ShellDetection;
import dev.cachectl.core.gitignore.GitignoreUpdate;
import dev.cachectl.core.init.InitException;
import dev.cachectl.core.init.InitReport;
import dev.cachectl.core.init.ProjectInitializer;
import dev.cachectl.core.json.JsonText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cachectl init}: writes the config when missing, creates the cache directories, shows the variables. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Bootstrap the project: write config/hardware_cache.json with the defaults when there is"
                + " none, create every cache directory, and show where each cache is and what it exports.",
                "Running it again changes nothing."})
final class InitCommand implements Callable<Integer> {

    private final RootCommand root;

    @Option(names = "--force", description = "Reset the cache section of an existing config to the defaults"
            + " (every other key is kept as it is).")
    private boolean force;

    @Option(names = "--gitignore", description = "Add the cache directories that git does not ignore yet to the"
            + " project's .gitignore (existing lines are left as they are).")
    private boolean gitignore;

    @Option(names = "--json", description = "Print a JSON document (schema_version 1) instead of a table.")
    private boolean json;

    InitCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        root.mayCreateProject();
        InitReport report;
        try {
            report = ProjectInitializer.initialize(root.request(), root.registry(), force, gitignore);
        } catch (InitException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        String nextStep = ShellDetection.detect(root.host()).dialect().activation();
        PrintWriter out = root.invocation().out();
        if (json) {
            out.print(JsonText.write(InitJson.document(report, nextStep)));
        } else {
            printText(report, nextStep, out);
        }
        List<String> problems = problems(report);
        problems.forEach(problem -> root.invocation().err().println("cachectl: " + escape(problem)));
        gitignoreNotes(report).forEach(note -> root.invocation().err().println("cachectl: " + escape(note)));
        return problems.isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
    }

    private void printText(InitReport report, String nextStep, PrintWriter out) {
        String config = escape(InitJson.shown(report.project().root(), report.project().configFile()));
        out.println(switch (report.config()) {
            case CREATED -> config + ": created with the defaults";
            case RESET -> config + ": cache section reset to the defaults (other keys kept)";
            case UNCHANGED -> config + ": already exists, unchanged" + (force ? " (its cache section is already"
                    + " the defaults)" : " (--force resets its cache section)");
        });
        Table table = new Table("PROVIDER", "DIRECTORY", "STATE", "EXPORTS");
        for (InitReport.DirectoryResult directory : report.directories()) {
            table.row(directory.location().id(), InitJson.shown(report.project().root(),
                    directory.location().directory()), directory.action().jsonName(),
                    String.join(" ", exports(report, directory)));
        }
        table.print(out);
        report.gitignore().ifPresent(update -> out.println(switch (update.action()) {
            case CREATED -> ".gitignore: created, ignoring " + escape(String.join(" ", update.added()));
            case UPDATED -> ".gitignore: added " + escape(String.join(" ", update.added()));
            case UNCHANGED -> ".gitignore: unchanged";
        }));
        if (report.unchanged()) {
            out.println("Nothing changed: the project was already initialised.");
        }
        out.println("Next: " + nextStep + "   (or for one command: cachectl exec -- python run.py)");
    }

    private static List<String> exports(InitReport report, InitReport.DirectoryResult directory) {
        for (ProviderEnvironment provided : report.environment().providers()) {
            if (provided.location().equals(directory.location())) {
                return List.copyOf(provided.spec().set().keySet());
            }
        }
        return List.of("-");
    }

    private static List<String> problems(InitReport report) {
        List<String> problems = new ArrayList<>();
        for (InitReport.DirectoryResult directory : report.directories()) {
            directory.error().ifPresent(error -> problems.add(directory.location().id() + ": " + error));
        }
        for (EnvironmentProblem problem : report.environment().problems()) {
            problems.add("warning: " + problem.message());
        }
        report.gitignore().ifPresent(update -> update.directories().stream()
                .filter(d -> d.outcome() == GitignoreUpdate.Outcome.STILL_NOT_IGNORED)
                .forEach(d -> problems.add(".gitignore: " + d.entry() + " is there but git still does not ignore "
                        + d.verdict().relativePath() + d.verdict().rule().map(r -> " (" + r + " takes precedence)")
                        .orElse("") + "; remove that rule if the cache should be ignored")));
        return problems;
    }

    private static List<String> gitignoreNotes(InitReport report) {
        List<String> notes = new ArrayList<>();
        report.gitignore().ifPresent(update -> {
            update.note().ifPresent(note -> notes.add(".gitignore: " + note));
            for (GitignoreUpdate.DirectoryOutcome directory : update.directories()) {
                if (directory.outcome() == GitignoreUpdate.Outcome.RE_INCLUDED) {
                    notes.add(".gitignore: left " + directory.verdict().relativePath() + " alone: "
                            + directory.verdict().rule().map(Object::toString).orElse("a ! rule")
                            + " re-includes it on purpose; remove that line if the cache should be ignored");
                } else if (directory.outcome() == GitignoreUpdate.Outcome.OUTSIDE_PROJECT) {
                    notes.add(".gitignore: " + directory.verdict().directory() + " is outside the project; its own"
                            + " repository, if any, must ignore it");
                }
            }
        });
        return notes;
    }
}
