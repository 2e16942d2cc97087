package dev.cachectl.core.findings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Findings as text output shows them: more than {@link #THRESHOLD} with one code on one cache (686
 * {@code HF_CORRUPTED_REPO} on one hub cache) become one line with a count, in the place of the first; fewer
 * are listed one by one. JSON output always lists every finding.
 *
 * @param first the first finding of its kind, or the only one
 * @param count how many it stands for: 1, or more than {@link #THRESHOLD}
 */
public record FindingSummary(Finding first, int count) {

    /** The most findings of one kind on one cache listed one by one. */
    public static final int THRESHOLD = 3;

    /** Validates the fields. */
    public FindingSummary {
        Objects.requireNonNull(first, "first");
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
    }

    /** Whether this line stands for several findings. */
    public boolean summarised() {
        return count > 1;
    }

    /** The lines for {@code findings}, in their order; with {@code everyOne}, one per finding. */
    public static List<FindingSummary> of(List<Finding> findings, boolean everyOne) {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Finding finding : findings) {
            counts.merge(Kind.of(finding), 1, Integer::sum);
        }
        List<FindingSummary> lines = new ArrayList<>();
        Set<Kind> summarised = new HashSet<>();
        for (Finding finding : findings) {
            Kind kind = Kind.of(finding);
            int count = counts.get(kind);
            if (everyOne || count <= THRESHOLD) {
                lines.add(new FindingSummary(finding, 1));
            } else if (summarised.add(kind)) {
                lines.add(new FindingSummary(finding, count));
            }
        }
        return lines;
    }

    /** Whether any line of {@code lines} stands for several findings. */
    public static boolean anySummarised(List<FindingSummary> lines) {
        return lines.stream().anyMatch(FindingSummary::summarised);
    }

    /** One code on one cache (as found by one check). */
    private record Kind(String check, String code, Optional<String> provider) {
        static Kind of(Finding finding) {
            return new Kind(finding.check(), finding.code(), finding.provider());
        }
    }
}
