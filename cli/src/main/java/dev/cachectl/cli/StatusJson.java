package dev.cachectl.cli;

import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.status.CacheStatus;
import dev.cachectl.core.status.StatusReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code status --json} document (schema_version 1, documented in docs/commands/status.md). */
final class StatusJson {

    private StatusJson() {
    }

    static Map<String, Object> of(StatusReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("project_root", report.projectRoot().toString());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("path", report.configSource() == ConfigSource.FILE ? report.configFile().toString() : null);
        config.put("source", report.configSource().jsonName());
        document.put("config", config);
        List<Object> caches = new ArrayList<>();
        for (CacheStatus cache : report.caches()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("provider", cache.providerId().orElse(null));
            entry.put("category", cache.group().jsonName());
            entry.put("path", cache.path().toString());
            entry.put("real_path", cache.realPath().map(Object::toString).orElse(null));
            entry.put("exists", cache.exists());
            entry.putAll(usage(cache.usage()));
            entry.put("details", cache.details().map(d -> (Object) d.properties()).orElse(null));
            caches.add(entry);
        }
        document.put("caches", caches);
        Map<String, Object> totals = new LinkedHashMap<>();
        report.totals().forEach((group, usage) -> totals.put(group.jsonName(), usage(usage)));
        totals.put("all", usage(report.total()));
        document.put("totals", totals);
        document.put("disk_bytes_exact", report.exactDiskBytes());
        List<Object> warnings = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Finding warning : report.warnings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", warning.code());
            // As before `fix` had a key of its own, for readers of that form: a provider's fix after its message.
            entry.put("message", FindingText.message(warning)
                    + (warning.byProvider() && !warning.fix().isBlank() ? "; fix: " + warning.fix() : ""));
            entry.put("severity", warning.severity().jsonName());
            entry.put("fix", warning.fix());
            entry.put("provider", warning.provider().orElse(null));
            entry.put("path", warning.path().map(Object::toString).orElse(null));
            warnings.add(entry);
            counts.merge(warning.code(), 1, Integer::sum);
        }
        document.put("warnings", warnings);
        document.put("warning_counts", counts);
        return document;
    }

    private static Map<String, Object> usage(TreeUsage usage) {
        Map<String, Object> map = JsonMaps.usage(usage);
        map.put("newest_mtime", usage.newestModification().map(Instant::toString).orElse(null));
        return map;
    }
}
