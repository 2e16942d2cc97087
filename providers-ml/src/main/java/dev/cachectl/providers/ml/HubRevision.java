package dev.cachectl.providers.ml;

import java.util.List;

/**
 * One snapshot of a hub repo, {@code snapshots/<commit>/}, counted as huggingface_hub's
 * {@code CachedRevisionInfo} counts it.
 *
 * @param commit         the commit hash (the folder name)
 * @param refs           the refs pointing at it, sorted ({@code main}, {@code refs/pr/1}); empty when detached
 * @param sizeBytes      the sizes of the distinct blobs its files use, each blob once
 * @param fileCount      files in the snapshot (links and real files, at any depth)
 * @param linkedFiles    files that are symlinks into {@code blobs/}
 * @param realFiles      files stored in the snapshot itself (where symlinks were unavailable)
 * @param lastModified   newest modification of its blobs, or of the folder when it is empty (epoch millis)
 */
record HubRevision(String commit, List<String> refs, long sizeBytes, int fileCount, int linkedFiles,
                   int realFiles, long lastModified) {

    HubRevision {
        refs = List.copyOf(refs);
    }

    /** A revision no ref points at: only reachable by its hash, usually superseded. */
    boolean detached() {
        return refs.isEmpty();
    }
}
