package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.clear.ClearOutcome;
import dev.cachectl.core.delete.DeletionError;
import dev.cachectl.core.delete.DeletionReport;
import dev.cachectl.core.delete.KeptEntry;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.status.HumanBytes;
import dev.cachectl.core.workspace.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@code clear}'s outcomes as text or JSON. */
final class ClearRendering {

    private final PrintWriter out;
    private final Workspace workspace;

    ClearRendering(PrintWriter out, Workspace workspace) {
        this.out = out;
        this.workspace = workspace;
    }

    /** The plan, briefly, before asking. */
    void summary(PrintWriter err, List<ClearOutcome> plan) {
        for (ClearOutcome outcome : plan) {
            outcome.report().ifPresent(report -> err.printf(Locale.ROOT, "  %-12s %s: %s in %,d files%s%n",
                    escape(outcome.location().id()), escape(where(outcome)),
                    HumanBytes.format(report.freed().diskBytes()), report.freed().files(),
                    report.kept().isEmpty() ? "" : " (" + report.kept().size() + " kept)"));
        }
        err.println("Total: " + HumanBytes.format(total(plan).diskBytes()) + " on disk.");
    }

    void text(List<ClearOutcome> outcomes, boolean dry) {
        Table table = new Table("PROVIDER", "PATH", dry ? "WOULD FREE" : "FREED", "FILES", "KEPT", "ERRORS");
        for (ClearOutcome outcome : outcomes) {
            String id = outcome.location().id();
            String path = where(outcome);
            if (outcome.report().isEmpty()) {
                table.row(id, path, "-", "-", "-", outcome.failed().map(f -> "1").orElse("0"));
                continue;
            }
            DeletionReport report = outcome.report().get();
            table.row(id, path, HumanBytes.format(report.freed().diskBytes()), String.format(Locale.ROOT, "%,d",
                    report.freed().files()), report.kept().size(), report.errors().size());
        }
        table.print(out);
        for (ClearOutcome outcome : outcomes) {
            String id = outcome.location().id();
            outcome.skipped().ifPresent(reason -> out.println(escape("skipped " + id + ": " + reason)));
            outcome.failed().ifPresent(reason -> out.println(escape("failed  " + id + ": " + reason)));
            outcome.report().ifPresent(report -> {
                for (KeptEntry kept : report.kept()) {
                    out.println(escape("kept    " + id + " " + kept.relativePath() + ": " + kept.reason()));
                }
                for (DeletionError error : report.errors()) {
                    out.println(escape("error   " + id + " " + error.relativePath() + ": " + error.message()));
                }
            });
        }
        TreeUsage total = total(outcomes);
        out.println((dry ? "Would free " : "Freed ") + HumanBytes.format(total.diskBytes()) + " on disk ("
                + HumanBytes.format(total.apparentBytes()) + " apparent), "
                + String.format(Locale.ROOT, "%,d", total.files()) + " files"
                + (dry ? " (dry run: nothing was deleted)" : "") + ".");
    }

    void json(List<ClearOutcome> outcomes, boolean dry) {
        List<Object> caches = new ArrayList<>();
        for (ClearOutcome outcome : outcomes) {
            Map<String, Object> cache = new LinkedHashMap<>();
            cache.put("provider", outcome.location().id());
            cache.put("path", outcome.location().directory().toString());
            cache.put("real_path", outcome.realPath().map(Object::toString).orElse(null));
            cache.put("skipped", outcome.skipped().orElse(null));
            cache.put("failed", outcome.failed().orElse(null));
            TreeUsage freed = outcome.report().map(DeletionReport::freed).orElse(TreeUsage.EMPTY);
            cache.put("freed", JsonMaps.usage(freed));
            List<Object> kept = new ArrayList<>();
            List<Object> errors = new ArrayList<>();
            outcome.report().ifPresent(report -> {
                report.kept().forEach(k -> kept.add(JsonMaps.ordered("path", k.relativePath(), "reason", k.reason())));
                report.errors().forEach(e -> errors.add(JsonMaps.ordered("path", e.relativePath(), "message", e.message())));
            });
            cache.put("kept", kept);
            cache.put("errors", errors);
            caches.add(cache);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("project_root", workspace.project().root().toString());
        document.put("dry_run", dry);
        document.put("caches", caches);
        document.put("totals", JsonMaps.usage(total(outcomes)));
        out.print(JsonText.write(document));
    }

    /** The cache's path, and where it really is when links on the way lead elsewhere. */
    private static String where(ClearOutcome outcome) {
        return outcome.location().directory() + outcome.realPath().map(real -> " -> " + real).orElse("");
    }

    private static TreeUsage total(List<ClearOutcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.report().stream()).map(DeletionReport::freed)
                .reduce(TreeUsage.EMPTY, TreeUsage::plus);
    }
}
