package dev.cachectl.core.delete;

import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.scan.ScanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a deletion may remove and how.
 *
 * @param dryRun         when true nothing is changed, and the report says exactly what a real run would
 *                       remove (paths, counts and sizes), barring errors only a real removal meets
 * @param protectedPaths paths relative to the root ({@code /}-separated) that are kept with everything below
 *                       them, e.g. {@code token}; the directories leading to them are kept too
 * @param keepRules      further reasons to keep entries, asked in order for each entry
 * @param options        threads and progress (progress counts removed entries and freed bytes)
 */
public record DeletionRequest(boolean dryRun, Set<String> protectedPaths, List<KeepRule> keepRules,
                              ScanOptions options) {

    /** Copies and validates; protected paths must be relative, without {@code .} or {@code ..} segments. */
    public DeletionRequest {
        protectedPaths = Set.copyOf(protectedPaths);
        protectedPaths.forEach(RelativePaths::segments);
        keepRules = List.copyOf(keepRules);
        Objects.requireNonNull(options, "options");
    }

    /** Deletes for real, nothing protected, default options. */
    public static DeletionRequest real() {
        return new DeletionRequest(false, Set.of(), List.of(), ScanOptions.DEFAULTS);
    }

    /** Changes nothing and reports what a real run would delete. */
    public static DeletionRequest dryRunOnly() {
        return new DeletionRequest(true, Set.of(), List.of(), ScanOptions.DEFAULTS);
    }

    /** This request as a dry run or a real run. */
    public DeletionRequest withDryRun(boolean dry) {
        return new DeletionRequest(dry, protectedPaths, keepRules, options);
    }

    /** This request with these protected paths (replacing any). */
    public DeletionRequest withProtectedPaths(Set<String> paths) {
        return new DeletionRequest(dryRun, paths, keepRules, options);
    }

    /** This request with one more keep rule. */
    public DeletionRequest withKeepRule(KeepRule rule) {
        List<KeepRule> rules = new ArrayList<>(keepRules);
        rules.add(Objects.requireNonNull(rule, "rule"));
        return new DeletionRequest(dryRun, protectedPaths, rules, options);
    }

    /** This request with other options. */
    public DeletionRequest withOptions(ScanOptions walkOptions) {
        return new DeletionRequest(dryRun, protectedPaths, keepRules, walkOptions);
    }

    /** This request reporting progress to {@code listener}. */
    public DeletionRequest withProgress(ProgressListener listener) {
        return withOptions(options.withProgress(listener));
    }
}
