package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.findings.FindingSummary;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.status.CacheStatus;
import dev.cachectl.core.status.HumanBytes;
import dev.cachectl.core.status.StatusGroup;
import dev.cachectl.core.status.StatusReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The human form of {@code status}: a header, one table grouped like the old cache manager, warnings. */
final class StatusText {

    private static final DateTimeFormatter NEWEST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final Path home;
    private final boolean everyWarning;

    /**
     * @param everyWarning list every warning ({@code --show-warnings}) instead of one line for many of a kind
     */
    StatusText(PrintWriter out, Path home, boolean everyWarning) {
        this.out = out;
        this.home = home;
        this.everyWarning = everyWarning;
    }

    void print(StatusReport report) {
        out.println("Project: " + escape(report.projectRoot()));
        out.println(report.configSource() == ConfigSource.FILE ? "Config:  " + escape(report.configFile())
                : "Config:  none, using the built-in defaults ('cachectl init' writes " + escape(report.configFile()) + ")");
        out.println();
        Table table = new Table("GROUP", "PROVIDER", "LOCATION", "EXISTS", "APPARENT",
                report.exactDiskBytes() ? "ON DISK" : "ON DISK (EST.)", "FILES", "NEWEST");
        StatusGroup current = null;
        for (CacheStatus cache : report.caches()) {
            if (current != null && current != cache.group()) {
                total(table, current.jsonName(), report.totals().get(current));
            }
            current = cache.group();
            if (cache.exists()) {
                TreeUsage usage = cache.usage();
                table.row(cache.group().jsonName(), cache.providerId().orElse("-"), location(cache), "yes",
                        HumanBytes.format(usage.apparentBytes()), HumanBytes.format(usage.diskBytes()), usage.files(),
                        newest(usage));
            } else {
                table.row(cache.group().jsonName(), cache.providerId().orElse("-"), location(cache), "no", "-", "-",
                        "-", "-");
            }
        }
        if (current != null) {
            total(table, current.jsonName(), report.totals().get(current));
            total(table, "all", report.total());
        }
        table.print(out);
        for (CacheStatus cache : report.caches()) {
            cache.details().ifPresent(details -> {
                out.println();
                out.println(escape(cache.providerId().orElse(cache.name())) + " details (" + escape(cache.path()) + "):");
                DetailsOutline.print(out, details.properties(), "  ");
            });
        }
        out.println();
        if (report.warnings().isEmpty()) {
            out.println("No warnings.");
        } else {
            out.println("Warnings (" + report.warnings().size() + "):");
            for (FindingSummary line : FindingSummary.of(report.warnings(), everyWarning)) {
                out.println("  " + FindingText.head(line) + fix(line.first()) + FindingText.more(line));
            }
        }
    }

    /** A provider's fix, as status has always shown it after the message; cachectl's own messages hold theirs. */
    private static String fix(Finding finding) {
        return finding.byProvider() && !finding.fix().isBlank() ? "; fix: " + escape(finding.fix()) : "";
    }

    private static void total(Table table, String group, TreeUsage usage) {
        table.row(group, "total", "", "", HumanBytes.format(usage.apparentBytes()),
                HumanBytes.format(usage.diskBytes()), usage.files(), newest(usage));
    }

    /** The configured form (e.g. {@code .cache/torch}), or the absolute path with the home shown as {@code ~}. */
    private String location(CacheStatus cache) {
        String real = cache.realPath().map(p -> " -> " + tilde(p)).orElse("");
        if (!cache.path().isAbsolute() || !Path.of(cache.configured()).isAbsolute()) {
            return cache.configured() + real;
        }
        return tilde(cache.path()) + real;
    }

    /** The path with the home shown as {@code ~}. */
    private String tilde(Path path) {
        return path.startsWith(home) ? "~/" + home.relativize(path) : path.toString();
    }

    private static String newest(TreeUsage usage) {
        return usage.newestModification().map(NEWEST::format).orElse("-");
    }
}
