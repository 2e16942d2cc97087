package dev.cachectl.providers.ml;

import java.util.List;

/**
 * A valid hub repo folder, counted as huggingface_hub's {@code CachedRepoInfo} counts it.
 *
 * @param folder         the folder name, e.g. {@code models--openai--whisper-small}
 * @param name           its type and id
 * @param sizeBytes      the sizes of the distinct blobs its snapshots use, each blob once
 * @param blobCount      how many distinct blobs its snapshots use
 * @param lastModified   newest blob modification, or the folder's when it has none (epoch millis)
 * @param revisions      its snapshots
 * @param orphanBlobs    files in {@code blobs/} that no snapshot uses
 * @param noExistMarkers files under {@code .no_exist/} (remembered "this file does not exist" answers)
 * @param externalLinks  snapshot links pointing outside the cache (absolute or climbing out); not sized
 */
record HubRepo(String folder, HubRepoName name, long sizeBytes, int blobCount, long lastModified,
               List<HubRevision> revisions, List<HubBlobFile> orphanBlobs, int noExistMarkers,
               int externalLinks) {

    HubRepo {
        revisions = List.copyOf(revisions);
        orphanBlobs = List.copyOf(orphanBlobs);
    }
}
