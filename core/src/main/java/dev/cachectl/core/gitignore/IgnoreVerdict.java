package dev.cachectl.core.gitignore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one cache directory is ignored by git.
 *
 * @param directory    the absolute directory
 * @param relativePath the directory relative to the project root, {@code /} separators; empty when outside
 * @param state        ignored, not ignored, or outside the project (then git is not asked)
 * @param rule         the line that decided it: the ignoring line, or the {@code !} line that re-included it;
 *                     empty when no line matched
 */
public record IgnoreVerdict(Path directory, String relativePath, State state, Optional<IgnoreRule> rule) {

    /** Validates the fields. */
    public IgnoreVerdict {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rule, "rule");
    }

    /** Whether the directory is ignored by a {@code .gitignore} file, so every clone ignores it too. */
    public boolean ignoredForEveryClone() {
        return state == State.IGNORED && rule.map(r -> r.source().kind() == IgnoreRule.Kind.GITIGNORE).orElse(false);
    }

    /** The outcome for one directory. */
    public enum State {
        /** git ignores the directory. */
        IGNORED,
        /** git would track files in the directory. */
        NOT_IGNORED,
        /** The directory is not inside the project, so the project's ignore files do not concern it. */
        OUTSIDE_PROJECT;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
