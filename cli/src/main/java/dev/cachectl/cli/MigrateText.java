package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.migrate.ItemOutcome;
import dev.cachectl.core.migrate.ItemResult;
import dev.cachectl.core.migrate.MigrationPlan;
import dev.cachectl.core.migrate.MigrationResult;
import dev.cachectl.core.migrate.PlanAction;
import dev.cachectl.core.migrate.PlanItem;
import dev.cachectl.core.migrate.PlannedSource;
import dev.cachectl.core.migrate.SkippedLocation;
import dev.cachectl.core.status.HumanBytes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human rendering of {@code cachectl migrate}: the plan, then what happened. */
final class MigrateText {

    /** Routine entries (move, copy, duplicate, discard) listed per source before the rest is summed up. */
    private static final int ROUTINE_LINES = 15;

    private MigrateText() {
    }

    static void plan(PrintWriter out, MigrationPlan plan, boolean dryRun) {
        if (plan.sources().isEmpty() && plan.skipped().isEmpty()) {
            out.println("Nothing to migrate: no outside location, legacy cache or misplaced hub folder holds data.");
            return;
        }
        out.println("Migration plan" + (dryRun ? " (dry run: nothing will change)" : "") + ": "
                + (plan.copy() ? "copy into the project, keeping the sources" : "move into the project")
                + (plan.force() ? ", including entries in use (--force)" : ""));
        for (PlannedSource source : plan.sources()) {
            out.println();
            out.println(escape(source.provider() + "  " + source.root() + "  (" + source.origin() + ")"));
            out.println("  -> " + escape(source.destination()) + "  (" + (source.sameFileSystem()
                    ? "same file system: atomic renames" : "another file system: copy, verify, then delete")
                    + ")");
            Table table = new Table("  ACTION", "PATH", "SIZE", "FILES", "NOTE");
            int routine = 0;
            int hidden = 0;
            for (PlanItem item : source.items()) {
                boolean isRoutine = !item.action().blocking() && item.action() != PlanAction.KEPT;
                if (isRoutine && ++routine > ROUTINE_LINES) {
                    hidden++;
                    continue;
                }
                table.row("  " + item.action().jsonName(), item.path(), HumanBytes.format(item.bytes()), item.files(),
                        item.reason());
            }
            table.print(out);
            if (hidden > 0) {
                out.println("  ... and " + hidden + " more entries (all of them: --json)");
            }
        }
        if (!plan.skipped().isEmpty()) {
            out.println();
            for (SkippedLocation skipped : plan.skipped()) {
                out.println(escape("skipped  " + skipped.path() + (skipped.provider().isEmpty() ? "" : "  ["
                        + skipped.provider() + "]") + "  (" + skipped.origin() + "): " + skipped.reason()));
            }
        }
        out.println();
        out.println(totals(plan));
    }

    private static String totals(MigrationPlan plan) {
        Map<PlanAction, Long> counts = plan.countByAction();
        List<String> parts = new ArrayList<>();
        parts.add(HumanBytes.format(plan.bytesToTransfer()) + " in " + plan.filesToTransfer() + " files to "
                + (plan.copy() ? "copy" : "move"));
        addCount(parts, counts.get(PlanAction.DUPLICATE), "already in the destination");
        addCount(parts, counts.get(PlanAction.DISCARD), "lock files to discard");
        addCount(parts, counts.get(PlanAction.CONFLICT), "conflicts");
        addCount(parts, counts.get(PlanAction.REFUSED), "refused");
        addCount(parts, counts.get(PlanAction.KEPT), "kept");
        long skipped = plan.skipped().size();
        addCount(parts, skipped, "locations skipped");
        return "Total: " + String.join("; ", parts);
    }

    private static void addCount(List<String> parts, long count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    static void result(PrintWriter out, MigrationPlan plan, MigrationResult result) {
        out.println();
        if (result.resumed()) {
            out.println("Finished an interrupted migration" + (result.removedLeftovers() > 0
                    ? " (removed " + result.removedLeftovers() + " unpublished staging entries)" : "") + ".");
        }
        long files = 0;
        long duplicates = 0;
        long discarded = 0;
        List<ItemResult> problems = new ArrayList<>();
        for (ItemResult r : result.items()) {
            if (r.outcome() == ItemOutcome.DONE) {
                switch (r.item().action()) {
                    case MOVE, COPY -> files += r.item().files();
                    case DUPLICATE -> duplicates++;
                    case DISCARD -> discarded++;
                    default -> { }
                }
            } else if (r.outcome().blocking()) {
                problems.add(r);
            }
        }
        out.println((plan.copy() ? "Copied " : "Moved ") + files + " files ("
                + HumanBytes.format(result.bytesTransferred()) + ")"
                + (duplicates > 0 ? "; " + duplicates + (plan.copy() ? " already in the destination"
                : " duplicates removed from the sources") : "")
                + (discarded > 0 ? "; " + discarded + " lock files discarded" : "") + ".");
        for (ItemResult problem : problems) {
            out.println("  " + problem.outcome().jsonName() + "  " + escape(problem.source().root()
                    .resolve(problem.item().path()) + ": " + problem.message()));
        }
        for (Path folder : result.removedFolders()) {
            out.println("Removed the emptied folder " + escape(folder));
        }
    }
}
