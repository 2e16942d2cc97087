package dev.cachectl.providers.ml;

import java.util.List;
import java.util.Map;

/**
 * What {@link HubRepoScanner} read from one valid repo folder, before the cache-wide pass decides which
 * of its blobs are orphans.
 *
 * @param path           the folder's path in the tree, e.g. {@code hub/models--org--name}
 * @param folder         the folder's name
 * @param name           its type and id
 * @param revisions      its snapshots
 * @param blobs          the distinct blobs its snapshots use, by path
 * @param lastModified   newest blob time, or the folder's (epoch millis)
 * @param noExistMarkers files under {@code .no_exist/}
 * @param externalLinks  snapshot links leaving the cache
 */
record HubRepoContents(String path, String folder, HubRepoName name, List<HubRevision> revisions,
                       Map<String, SnapshotWalk.Blob> blobs, long lastModified, int noExistMarkers,
                       int externalLinks) {

    HubRepoContents {
        revisions = List.copyOf(revisions);
        blobs = Map.copyOf(blobs);
    }

    /** The repo with its orphan blobs. */
    HubRepo toRepo(List<HubBlobFile> orphans) {
        long size = blobs.values().stream().mapToLong(SnapshotWalk.Blob::sizeBytes).sum();
        return new HubRepo(folder, name, size, blobs.size(), lastModified, revisions, orphans, noExistMarkers,
                externalLinks);
    }
}
