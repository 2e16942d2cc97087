package dev.cachectl.cli;

import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.validate.ConfigValidation;
import dev.cachectl.core.validate.ValidationReport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cachectl validate [FILE]}: checks a config against the schema and the safety rules. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a config file: JSON syntax, the schema and the safety rules (no cache at the"
                + " file system root, the home directory or the project root, no overlapping caches, ...).",
                "Every error has file, line, column, JSON pointer and a stable code (docs/error-codes.md)."
                + " Without a config file, the built-in defaults are checked and reported as such."},
        footer = {"", "Exit codes: 0 valid, 1 invalid (malformed JSON included), 2 usage error or unreadable file."})
final class ValidateCommand implements Callable<Integer> {

    /** How the report is printed. */
    enum Format { TEXT, JSON, GITHUB }

    private final RootCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The config to check (default: the project's config/hardware_cache.json).")
    private String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = CompletionCandidates.ValidateFormats.class,
            description = "text (file:line:column: CODE message), json (schema_version 1) or github"
                    + " (workflow-command annotations). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--json", description = "Same as --format json.")
    private boolean json;

    ValidateCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Invocation invocation = root.invocation();
        ValidationReport report;
        try {
            report = ConfigValidation.run(invocation.workingDirectory(), root.projectOverride(), fileArgument(),
                    root.registry(), root.host());
        } catch (ConfigUnreadableException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        ValidationOutput output = new ValidationOutput(report, invocation.workingDirectory());
        switch (json ? Format.JSON : format) {
            case TEXT -> output.text(invocation.out());
            case JSON -> output.json(invocation.out());
            case GITHUB -> output.github(invocation.out());
        }
        if (report.valid()) {
            return ExitCode.OK;
        }
        invocation.err().println("cachectl: " + output.summary() + " (listed on stdout)");
        return ExitCode.PROBLEM;
    }

    private Optional<Path> fileArgument() {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(file));
        } catch (InvalidPathException e) {
            throw new CliException(ExitCode.USAGE, "'" + file + "' is not a valid file name: " + e.getReason());
        }
    }
}
