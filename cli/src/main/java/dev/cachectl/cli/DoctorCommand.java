package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.api.Severity;
import dev.cachectl.core.doctor.Doctor;
import dev.cachectl.core.doctor.DoctorReport;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.findings.FindingSummary;
import dev.cachectl.core.json.JsonText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cachectl doctor}: every check at once, each finding with a code, a severity and the fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the config, the providers, the cache directories and .gitignore coverage.",
                "Check the caches too: legacy caches, copies in your home, environment drift.",
                "Exits 1 when any check finds an error, and with --strict also on a warning."},
        footerHeading = "%nExamples:%n",
        footer = {"  cachectl doctor            every check, each finding with its fix",
                "  cachectl doctor --json     the findings as a JSON document, for scripts",
                "  cachectl doctor --strict   for CI: a warning fails the build too"})
final class DoctorCommand implements Callable<Integer> {

    private final RootCommand root;

    @Option(names = "--json", description = "Print a JSON document (schema_version 1).")
    private boolean json;

    @Option(names = "--strict", description = "Exit 1 on a warning too (information never fails doctor): for CI.")
    private boolean strict;

    @Option(names = FindingText.SHOW_ALL, description = "List every finding; by default more than "
            + FindingSummary.THRESHOLD + " of one code on one cache are one line with a count (--json always"
            + " lists every one).")
    private boolean showWarnings;

    DoctorCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        DoctorReport report = Doctor.examine(root.request(), root.registry());
        PrintWriter out = root.invocation().out();
        if (json) {
            out.print(JsonText.write(toJson(report)));
        } else {
            render(out, report, showWarnings);
        }
        if (report.hasErrors()) {
            root.invocation().err().println("cachectl: doctor found " + report.count(Severity.ERROR)
                    + " error(s); each is listed with its fix");
            return ExitCode.PROBLEM;
        }
        if (strict && report.hasWarnings()) {
            root.invocation().err().println("cachectl: doctor --strict found " + report.count(Severity.WARNING)
                    + " warning(s); each is listed with its fix");
            return ExitCode.PROBLEM;
        }
        return ExitCode.OK;
    }

    private static void render(PrintWriter out, DoctorReport report, boolean everyOne) {
        out.println(escape("Project: " + report.projectRoot() + " (config: " + (report.configSource().jsonName()
                .equals("file") ? report.configFile() : "built-in defaults") + ")"));
        for (var check : report.checks().entrySet()) {
            List<Finding> found = report.findings().stream().filter(f -> f.check().equals(check.getKey())).toList();
            boolean clean = found.stream().allMatch(f -> f.severity() == Severity.INFO);
            out.printf("%-8s %s%n", clean ? "ok" : check.getValue().jsonName(), escape(check.getKey()));
            for (FindingSummary line : FindingSummary.of(found, everyOne)) {
                out.println("  " + line.first().severity().jsonName() + " " + FindingText.head(line)
                        + FindingText.more(line));
                if (!line.first().fix().isEmpty()) {
                    out.println("    fix: " + escape(line.first().fix()));
                }
            }
        }
        out.println(report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s).");
    }

    private static Map<String, Object> toJson(DoctorReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("project_root", report.projectRoot().toString());
        document.put("config", JsonMaps.ordered("path", report.configFile().toString(), "source",
                report.configSource().jsonName()));
        List<Object> checks = new ArrayList<>();
        report.checks().forEach((name, worst) -> checks.add(JsonMaps.ordered("name", name, "status",
                report.findings().stream().anyMatch(f -> f.check().equals(name) && f.severity() != Severity.INFO)
                        ? worst.jsonName() : "ok")));
        document.put("checks", checks);
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("check", f.check());
            finding.put("code", f.code());
            finding.put("severity", f.severity().jsonName());
            finding.put("message", FindingText.message(f));
            finding.put("fix", f.fix());
            finding.put("provider", f.provider().orElse(null));
            finding.put("path", f.path().map(Object::toString).orElse(null));
            findings.add(finding);
        }
        document.put("findings", findings);
        document.put("summary", JsonMaps.ordered("errors", report.count(Severity.ERROR), "warnings",
                report.count(Severity.WARNING), "infos", report.count(Severity.INFO)));
        return document;
    }
}
