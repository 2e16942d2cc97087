package dev.cachectl.core.clear;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.paths.PathShape;
import dev.cachectl.core.delete.DeletionCandidate;
import dev.cachectl.core.delete.KeepRule;
import java.util.Optional;

/**
 * Keeps version-control metadata ({@code .git} and the like) found anywhere inside a cache, even with
 * {@code --force}: no cache writes such a folder, so one there is a repository someone put or cloned into the
 * cache, and its history is not cachectl's to delete.
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
        return Optional.empty();
    }
}
