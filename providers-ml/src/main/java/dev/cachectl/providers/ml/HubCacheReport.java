package dev.cachectl.providers.ml;

import java.util.List;

/**
 * A whole hub cache as huggingface_hub's {@code scan_cache_dir} sees it.
 *
 * @param hubPath             the hub cache's path in the tree ({@code hub})
 * @param exists              whether it is a directory
 * @param repos               valid repos, by type then id
 * @param corrupted           entries scan_cache_dir would skip with a warning
 * @param incompleteDownloads {@code <repo>/blobs/*.incomplete} files
 * @param lockFiles           {@code .lock} files under {@code .locks/}
 * @param blobBytes           scan_cache_dir's {@code size_on_disk}: every blob the repos use, each once
 *                            (shared-store payloads included once, used or not)
 */
record HubCacheReport(String hubPath, boolean exists, List<HubRepo> repos, List<HubCorruption> corrupted,
                      List<HubBlobFile> incompleteDownloads, int lockFiles, long blobBytes) {

    HubCacheReport {
        repos = List.copyOf(repos);
        corrupted = List.copyOf(corrupted);
        incompleteDownloads = List.copyOf(incompleteDownloads);
    }
}
