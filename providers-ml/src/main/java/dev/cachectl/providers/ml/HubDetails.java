package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Hugging Face provider's {@code status --details} view of {@code HF_HOME}: its hub cache, repo by repo. */
final class HubDetails {

    /** Credentials huggingface_hub keeps in {@code HF_HOME}; cachectl never deletes them. */
    static final List<String> PROTECTED = List.of("token", "stored_tokens");

    private HubDetails() {
    }

    static CacheDetails of(CacheTree tree) {
        HubCacheScan scan = new HubCacheScan(tree);
        HubCacheReport hub = scan.scan("hub");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hub_path", hub.hubPath());
        details.put("hub_exists", hub.exists());
        details.put("repo_count", hub.repos().size());
        details.put("mlx_repo_count", hub.repos().stream().filter(r -> r.name().mlx()).count());
        details.put("revision_count", hub.repos().stream().mapToInt(r -> r.revisions().size()).sum());
        details.put("detached_revision_count", hub.repos().stream()
                .flatMap(r -> r.revisions().stream()).filter(HubRevision::detached).count());
        details.put("blob_bytes", hub.blobBytes());
        details.put("repos", hub.repos().stream().map(HubDetails::repo).toList());
        details.put("incomplete_downloads", hub.incompleteDownloads().stream().map(HubDetails::file).toList());
        details.put("incomplete_bytes", hub.incompleteDownloads().stream().mapToLong(HubBlobFile::sizeBytes).sum());
        List<HubBlobFile> orphans = hub.repos().stream().flatMap(r -> r.orphanBlobs().stream()).toList();
        details.put("orphan_blob_count", orphans.size());
        details.put("orphan_bytes", orphans.stream().mapToLong(HubBlobFile::sizeBytes).sum());
        details.put("lock_files", hub.lockFiles());
        details.put("corrupted", hub.corrupted().stream()
                .map(c -> DetailMaps.ordered("path", c.path(), "reason", c.reason())).toList());
        details.put("misplaced_repos", misplaced(scan.reposNamedLikeHub(""), hub));
        details.put("protected_files", PROTECTED.stream().filter(name -> tree.entry(name).isPresent()).toList());
        return new CacheDetails(details);
    }

    private static Map<String, Object> repo(HubRepo repo) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", repo.name().type());
        map.put("id", repo.name().repoId());
        map.put("folder", repo.folder());
        map.put("mlx", repo.name().mlx());
        map.put("size_bytes", repo.sizeBytes());
        map.put("blob_count", repo.blobCount());
        map.put("last_modified", DetailMaps.time(repo.lastModified()));
        List<HubRevision> revisions = new ArrayList<>(repo.revisions());
        // Revisions with refs first, then the newest; the hash breaks ties so the order is stable.
        revisions.sort(Comparator.comparing(HubRevision::detached)
                .thenComparing(Comparator.comparingLong(HubRevision::lastModified).reversed())
                .thenComparing(HubRevision::commit));
        map.put("revisions", revisions.stream().map(HubDetails::revision).toList());
        map.put("orphan_blobs", repo.orphanBlobs().stream().map(HubDetails::file).toList());
        map.put("no_exist_markers", repo.noExistMarkers());
        map.put("external_links", repo.externalLinks());
        return map;
    }

    private static Map<String, Object> revision(HubRevision revision) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("commit", revision.commit());
        map.put("refs", revision.refs());
        map.put("detached", revision.detached());
        map.put("size_bytes", revision.sizeBytes());
        map.put("file_count", revision.fileCount());
        map.put("linked_files", revision.linkedFiles());
        map.put("real_files", revision.realFiles());
        map.put("last_modified", DetailMaps.time(revision.lastModified()));
        return map;
    }

    private static List<Object> misplaced(List<HubRepo> repos, HubCacheReport hub) {
        Set<String> inHub = new HashSet<>();
        hub.repos().forEach(r -> inHub.add(r.folder()));
        List<Object> list = new ArrayList<>();
        for (HubRepo repo : repos) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("folder", repo.folder());
            map.put("type", repo.name().type());
            map.put("id", repo.name().repoId());
            map.put("size_bytes", repo.sizeBytes());
            map.put("also_in_hub", inHub.contains(repo.folder()));
            list.add(map);
        }
        return list;
    }

    private static Map<String, Object> file(HubBlobFile file) {
        return DetailMaps.ordered("path", file.path(), "size_bytes", file.sizeBytes());
    }
}
