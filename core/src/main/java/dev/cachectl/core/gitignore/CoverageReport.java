package dev.cachectl.core.gitignore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ignore state of a set of directories, and how it was found out.
 *
 * @param method        real {@code git check-ignore}, or cachectl's own matcher
 * @param gitRepository whether the project is inside a git work tree
 * @param verdicts      one per directory asked about, in the same order
 * @param note          why the built-in matcher was used, when git was wanted but could not answer
 */
public record CoverageReport(Method method, boolean gitRepository, List<IgnoreVerdict> verdicts,
                             Optional<String> note) {

    /** Copies the list. */
    public CoverageReport {
        Objects.requireNonNull(method, "method");
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(note, "note");
    }

    /** How the verdicts were reached. */
    public enum Method {
        /** {@code git check-ignore --no-index}: git's own answer. */
        GIT,
        /** cachectl's implementation of git's rules ({@code git} missing, or not a work tree). */
        BUILT_IN;

        /** The lowercase name used in JSON output. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
