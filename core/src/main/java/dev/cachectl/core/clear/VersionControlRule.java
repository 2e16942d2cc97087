package dev.cachectl.core.clear;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.paths.PathShape;
import dev.cachectl.core.paths.Placeholders;
import dev.cachectl.core.delete.DeletionCandidate;
import dev.cachectl.core.delete.KeepRule;
import java.util.Optional;

/**
 * Keeps what belongs to version control, even with {@code --force}: VCS metadata ({@code .git} and the like)
 * found anywhere inside a cache (no cache writes such a folder, so one there is a repository someone put or
 * cloned into the cache, and its history is not cachectl's to delete), and the placeholder files at the top of
 * a cache that keep its folder in git ({@link Placeholders}).
 */
enum VersionControlRule implements KeepRule {
    /** The rule. */
    INSTANCE;

    @Override
    public Optional<String> reasonToKeep(DeletionCandidate candidate) {
        if (PathShape.VCS_METADATA.contains(candidate.name())
                && (candidate.kind() == EntryKind.DIRECTORY || candidate.name().equals(".git"))) {
            return Optional.of("version-control metadata (a repository inside the cache); remove it yourself if"
                    + " it is really meant to go");
        }
        if (candidate.relativePath().indexOf('/') < 0 && candidate.kind() == EntryKind.FILE
                && Placeholders.isPlaceholder(candidate.name())) {
            return Optional.of("placeholder that keeps the folder in git");
        }
        return Optional.empty();
    }
}
