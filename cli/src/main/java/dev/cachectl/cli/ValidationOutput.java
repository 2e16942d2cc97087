package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.ConfigSource;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ValidationReport} as text, JSON or GitHub workflow commands. Files are shown relative to
 * the working directory when they are inside it: that is what GitHub needs to attach an annotation to a
 * file of the repository, and what a terminal user typed.
 */
final class ValidationOutput {

    private final ValidationReport report;
    private final String file;

    ValidationOutput(ValidationReport report, Path workingDirectory) {
        this.report = report;
        this.file = display(report.file(), workingDirectory);
    }

    /** {@code file:line:column: CODE message (at /pointer)} per error, then a summary line. */
    void text(PrintWriter out) {
        for (ConfigProblem problem : report.problems()) {
            out.println(escape(file + ":" + problem.line() + ":" + problem.column() + ": " + problem.code() + " "
                    + problem.message() + at(problem)));
        }
        out.println(summary());
    }

    /** {@code ::error file=...,line=...,col=...,title=CODE::message} per error, then a summary line. */
    void github(PrintWriter out) {
        for (ConfigProblem problem : report.problems()) {
            StringBuilder line = new StringBuilder("::error file=").append(GithubCommands.property(escape(file)));
            if (problem.line() > 0) {
                line.append(",line=").append(problem.line());
                if (problem.column() > 0) {
                    line.append(",col=").append(problem.column());
                }
            }
            line.append(",title=").append(GithubCommands.property(escape(problem.code())))
                    .append("::").append(GithubCommands.data(escape(problem.message() + at(problem))));
            out.println(line);
        }
        out.println(summary());
    }

    /** The JSON document of docs/commands/validate.md, {@code schema_version} 1. */
    void json(PrintWriter out) {
        List<Object> errors = new ArrayList<>();
        for (ConfigProblem problem : report.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", problem.code());
            error.put("pointer", problem.pointer());
            error.put("line", problem.line());
            error.put("column", problem.column());
            error.put("message", problem.message());
            errors.add(error);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("file", file);
        document.put("source", report.source().jsonName());
        document.put("valid", report.valid());
        document.put("errors", errors);
        out.print(JsonText.write(document));
    }

    /** One line: valid (and from where), or how many errors; escaped for the terminal. */
    String summary() {
        return escape(plainSummary());
    }

    private String plainSummary() {
        if (report.source() == ConfigSource.DEFAULTS) {
            return "no config file (" + file + " does not exist): the built-in defaults are used, and they are"
                    + " valid";
        }
        int count = report.problems().size();
        return count == 0 ? file + ": valid" : file + ": invalid, " + count + (count == 1 ? " error" : " errors");
    }

    private static String at(ConfigProblem problem) {
        return problem.pointer().isEmpty() ? "" : " (at " + problem.pointer() + ")";
    }

    private static String display(Path file, Path workingDirectory) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
