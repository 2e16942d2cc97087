package dev.cachectl.core.gitignore;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GitignoreEditor#ensureIgnored} did to the project's {@code .gitignore}.
 *
 * @param file        the project root's {@code .gitignore}
 * @param action      whether the file was created, extended or left as it was
 * @param directories one outcome per cache directory, in the order asked
 * @param method      how coverage was decided (real git or the built-in matcher)
 * @param note        why the built-in matcher was used, when git could not answer
 */
public record GitignoreUpdate(Path file, Action action, List<DirectoryOutcome> directories,
                              CoverageReport.Method method, Optional<String> note) {

    /** Copies the list. */
    public GitignoreUpdate {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        directories = List.copyOf(directories);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(note, "note");
    }

    /** The lines appended, in order. */
    public List<String> added() {
        return directories.stream().filter(d -> d.outcome() == Outcome.ADDED).map(DirectoryOutcome::entry).toList();
    }

    /** What happened to the file. */
    public enum Action {
        /** There was no {@code .gitignore}; it now holds the entries. */
        CREATED,
        /** Entries were appended; every existing line is as it was. */
        UPDATED,
        /** Nothing needed adding. */
        UNCHANGED;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What happened for one directory. */
    public enum Outcome {
        /** A {@code .gitignore} already ignores it. */
        ALREADY_IGNORED,
        /** A line was appended for it. */
        ADDED,
        /** A {@code !} line of a {@code .gitignore} re-includes it on purpose; left alone. */
        RE_INCLUDED,
        /** Its line is there, but a rule with higher precedence still re-includes it; see the rule. */
        STILL_NOT_IGNORED,
        /** Not inside the project: its own repository (if any) must ignore it. */
        OUTSIDE_PROJECT;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One directory's outcome.
     *
     * @param verdict the coverage found before any change (after it, for {@link Outcome#STILL_NOT_IGNORED})
     * @param outcome what was done
     * @param entry   the line for it ({@code /relative/path/}); empty when outside the project
     */
    public record DirectoryOutcome(IgnoreVerdict verdict, Outcome outcome, String entry) {

        /** Validates the fields. */
        public DirectoryOutcome {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(entry, "entry");
        }
    }
}
