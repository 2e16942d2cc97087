package dev.cachectl.core.gitignore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The ignore-file line that decided whether a path is ignored.
 *
 * @param source  the file it is in
 * @param line    1-based line number
 * @param pattern the pattern as written (trailing spaces removed), e.g. {@code /.cache/} or {@code !keep/}
 */
public record IgnoreRule(Source source, int line, String pattern) {

    /** Validates the fields. */
    public IgnoreRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** Whether the line re-includes ({@code !pattern}) rather than ignores. */
    public boolean negated() {
        return pattern.startsWith("!");
    }

    /** {@code file:line: pattern}, git check-ignore's way of naming a rule. */
    @Override
    public String toString() {
        return source.file() + ":" + line + ": " + pattern;
    }

    /**
     * An ignore file and what kind it is.
     *
     * @param file absolute path of the file
     * @param kind whether it is shared with the repository or private to this clone or user
     */
    public record Source(Path file, Kind kind) {

        /** Validates the fields. */
        public Source {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Where an ignore rule lives, which says who else it applies to. */
    public enum Kind {
        /** A {@code .gitignore} inside the work tree: committed, so it applies to every clone. */
        GITIGNORE,
        /** {@code .git/info/exclude}: this clone only. */
        INFO_EXCLUDE,
        /** The user's {@code core.excludesFile} (default {@code ~/.config/git/ignore}): this user only. */
        GLOBAL_EXCLUDES;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
