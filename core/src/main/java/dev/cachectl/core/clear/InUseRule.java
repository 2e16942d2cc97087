package dev.cachectl.core.clear;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.delete.DeletionCandidate;
import dev.cachectl.core.delete.InUse;
import dev.cachectl.core.delete.KeepRule;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what another process is using: entries a held lock protects (and the held lock files themselves),
 * and partial downloads modified within {@link InUse#GRACE} (the rule every command shares, see {@link InUse}). Built once per cache before the deletion, from the provider's
 * {@link dev.cachectl.api.CacheRules}; asked for every entry, from several threads.
 *
 * @param heldLocks    protected entry (relative path) → the held lock file that protects it
 * @param partialGlobs the provider's partial-download patterns
 * @param recentSince  partial downloads modified at or after this instant (epoch millis) are in use
 */
record InUseRule(Map<String, String> heldLocks, List<PathMatcher> partialGlobs, long recentSince)
        implements KeepRule {

    static InUseRule of(Map<String, String> heldLocks, List<String> partialGlobs, long nowMillis) {
        List<PathMatcher> matchers = partialGlobs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        return new InUseRule(Map.copyOf(heldLocks), matchers, nowMillis - InUse.GRACE.toMillis());
    }

    @Override
    public Optional<String> reasonToKeep(DeletionCandidate candidate) {
        String path = candidate.relativePath();
        String lock = heldLocks.get(path);
        if (lock != null) {
            return Optional.of(lock.equals(path) ? "lock held by another process"
                    : "in use: lock " + lock + " is held by another process");
        }
        if (candidate.kind() == EntryKind.FILE && candidate.modifiedMillis() >= recentSince) {
            Path relative = Path.of(path);
            for (PathMatcher matcher : partialGlobs) {
                if (matcher.matches(relative)) {
                    return Optional.of("partial download changed in the last " + InUse.graceInWords()
                            + " (still downloading?)");
                }
            }
        }
        return Optional.empty();
    }
}
