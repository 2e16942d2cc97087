package dev.cachectl.cli;

import dev.cachectl.core.migrate.ItemOutcome;
import dev.cachectl.core.migrate.ItemResult;
import dev.cachectl.core.migrate.MigrationPlan;
import dev.cachectl.core.migrate.MigrationResult;
import dev.cachectl.core.migrate.PlanItem;
import dev.cachectl.core.migrate.PlannedSource;
import dev.cachectl.core.migrate.SkippedLocation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} document of {@code cachectl migrate} (schema_version 1, docs/commands/migrate.md). */
final class MigrateJson {

    private MigrateJson() {
    }

    /** The plan, and the outcome of each entry when {@code result} is given. */
    static Map<String, Object> document(MigrationPlan plan, boolean dryRun, MigrationResult result) {
        Map<PlanItem, ItemResult> outcomes = new IdentityHashMap<>();
        if (result != null) {
            result.items().forEach(r -> outcomes.put(r.item(), r));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema_version", 1);
        doc.put("project_root", plan.projectRoot().toString());
        doc.put("dry_run", dryRun);
        doc.put("mode", plan.copy() ? "copy" : "move");
        doc.put("force", plan.force());
        List<Object> sources = new ArrayList<>();
        for (PlannedSource source : plan.sources()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("provider", source.provider());
            s.put("kind", source.kind().jsonName());
            s.put("origin", source.origin());
            s.put("path", source.root().toString());
            s.put("destination", source.destination().toString());
            s.put("same_filesystem", source.sameFileSystem());
            s.put("bytes", source.bytesToTransfer());
            s.put("files", source.filesToTransfer());
            List<Object> items = new ArrayList<>();
            for (PlanItem item : source.items()) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("path", item.path());
                i.put("action", item.action().jsonName());
                i.put("bytes", item.bytes());
                i.put("files", item.files());
                i.put("source", item.source().toString());
                i.put("destination", item.destination().toString());
                i.put("reason", item.reason().isEmpty() ? null : item.reason());
                ItemResult outcome = outcomes.get(item);
                i.put("outcome", outcome == null ? null : outcome.outcome().jsonName());
                i.put("message", outcome == null || outcome.message().isEmpty() ? null : outcome.message());
                items.add(i);
            }
            s.put("items", items);
            sources.add(s);
        }
        doc.put("sources", sources);
        List<Object> skipped = new ArrayList<>();
        for (SkippedLocation location : plan.skipped()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("path", location.path().toString());
            s.put("provider", location.provider().isEmpty() ? null : location.provider());
            s.put("origin", location.origin());
            s.put("reason", location.reason());
            s.put("blocking", location.blocking());
            skipped.add(s);
        }
        doc.put("skipped", skipped);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("bytes", plan.bytesToTransfer());
        totals.put("files", plan.filesToTransfer());
        plan.countByAction().forEach((action, count) -> totals.put(action.jsonName(), count));
        doc.put("totals", totals);
        doc.put("result", result == null ? null : result(result));
        return doc;
    }

    private static Map<String, Object> result(MigrationResult result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resumed", result.resumed());
        r.put("removed_leftovers", result.removedLeftovers());
        r.put("bytes_transferred", result.bytesTransferred());
        Map<String, Object> outcomes = new LinkedHashMap<>();
        for (ItemOutcome outcome : ItemOutcome.values()) {
            outcomes.put(outcome.jsonName(), result.items().stream().filter(i -> i.outcome() == outcome).count());
        }
        r.put("outcomes", outcomes);
        r.put("removed_folders", result.removedFolders().stream().map(Object::toString).toList());
        r.put("complete", !result.hasBlockingEntries());
        return r;
    }
}
