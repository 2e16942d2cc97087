package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a hub cache the way huggingface_hub's {@code scan_cache_dir} does: every entry of the cache root
 * except {@code .locks}, {@code CACHEDIR.TAG}, OS helper files and a marked shared blob store is a repo
 * folder, valid or corrupted. On top of what scan_cache_dir reports it finds orphan blobs (in a repo's
 * {@code blobs/} but used by no snapshot), {@code .no_exist/} markers and lock files.
 */
final class HubCacheScan {

    private static final String INCOMPLETE = ".incomplete";

    private final CacheTree tree;
    private final LinkResolver links;
    private final HubRepoScanner scanner;

    HubCacheScan(CacheTree tree) {
        this.tree = tree;
        this.links = new LinkResolver(tree);
        this.scanner = new HubRepoScanner(tree, links);
    }

    /** The whole hub cache at {@code hubPath}. */
    HubCacheReport scan(String hubPath) {
        boolean exists = tree.entry(hubPath).map(e -> e.kind() == EntryKind.DIRECTORY).orElse(false);
        Optional<HubSharedStore> store = HubSharedStore.find(tree, hubPath);
        List<HubRepoContents> valid = new ArrayList<>();
        List<HubCorruption> corrupted = new ArrayList<>();
        for (TreeEntry entry : repoCandidates(hubPath, store.isPresent())) {
            switch (scanner.scan(hubPath, entry)) {
                case HubRepoScanner.Valid v -> valid.add(v.contents());
                case HubRepoScanner.Corrupted c -> corrupted.add(c.corruption());
            }
        }
        Map<String, SnapshotWalk.Blob> used = new HashMap<>();
        valid.forEach(repo -> used.putAll(repo.blobs()));
        List<HubRepo> repos = new ArrayList<>();
        for (HubRepoContents repo : valid) {
            repos.add(repo.toRepo(orphans(repo.path(), used.keySet())));
        }
        repos.sort(Comparator.comparing((HubRepo r) -> r.name().type()).thenComparing(r -> r.name().repoId()));
        long blobBytes = used.values().stream()
                .filter(blob -> store.map(s -> !s.holdsTargetOf(blob.path())).orElse(true))
                .mapToLong(SnapshotWalk.Blob::sizeBytes).sum()
                + store.map(HubSharedStore::payloadBytes).orElse(0L);
        return new HubCacheReport(hubPath, exists, repos, corrupted, incompleteDownloads(hubPath),
                countLocks(TreePaths.child(hubPath, ".locks")), blobBytes);
    }

    /** The corrupted entries of the hub cache, found without opening any snapshot (cheap). */
    List<HubCorruption> quickCorruptions(String hubPath) {
        boolean hasStore = HubSharedStore.find(tree, hubPath).isPresent();
        List<HubCorruption> corrupted = new ArrayList<>();
        for (TreeEntry entry : repoCandidates(hubPath, hasStore)) {
            scanner.structure(hubPath, entry).ifPresent(corrupted::add);
        }
        return corrupted;
    }

    /**
     * Folders directly in {@code parent} named like hub repos, read completely: the misplaced-transformers
     * layout when {@code parent} is {@code HF_HOME}. Corrupted ones are left out.
     */
    List<HubRepo> reposNamedLikeHub(String parent) {
        List<HubRepo> repos = new ArrayList<>();
        for (TreeEntry entry : tree.list(parent)) {
            if (entry.kind() == EntryKind.DIRECTORY && HubRepoName.parse(entry.name()).isPresent()
                    && scanner.scan(parent, entry) instanceof HubRepoScanner.Valid valid) {
                repos.add(valid.contents().toRepo(orphans(valid.contents().path(), valid.contents().blobs().keySet())));
            }
        }
        return repos;
    }

    /** Every {@code <hub>/<entry>/blobs/*.incomplete}, as scan_cache_dir's {@code _scan_incomplete_files} finds them. */
    List<HubBlobFile> incompleteDownloads(String hubPath) {
        List<HubBlobFile> files = new ArrayList<>();
        for (TreeEntry entry : tree.list(hubPath)) {
            if (entry.kind() != EntryKind.DIRECTORY) {
                continue;
            }
            String blobs = TreePaths.child(TreePaths.child(hubPath, entry.name()), "blobs");
            for (TreeEntry blob : tree.list(blobs)) {
                if (blob.name().endsWith(INCOMPLETE)) {
                    String path = TreePaths.child(blobs, blob.name());
                    sizeOf(path).ifPresent(size -> files.add(new HubBlobFile(path, size)));
                }
            }
        }
        return files;
    }

    private List<TreeEntry> repoCandidates(String hubPath, boolean hasStore) {
        List<TreeEntry> candidates = new ArrayList<>();
        for (TreeEntry entry : tree.list(hubPath)) {
            String name = entry.name();
            boolean skipped = HubRepoScanner.FILES_TO_IGNORE.contains(name) || name.equals(".locks")
                    || name.equals("CACHEDIR.TAG") || (hasStore && name.equals(HubSharedStore.FOLDER));
            if (!skipped) {
                candidates.add(entry);
            }
        }
        return candidates;
    }

    private List<HubBlobFile> orphans(String repoPath, Set<String> used) {
        List<HubBlobFile> orphans = new ArrayList<>();
        String blobs = TreePaths.child(repoPath, "blobs");
        for (TreeEntry blob : tree.list(blobs)) {
            String path = TreePaths.child(blobs, blob.name());
            if (blob.kind() != EntryKind.DIRECTORY && !blob.name().endsWith(INCOMPLETE) && !used.contains(path)) {
                orphans.add(new HubBlobFile(path, sizeOf(path).orElse(0L)));
            }
        }
        return orphans;
    }

    /** The size of the file {@code path} finally is (through links), as Python's {@code stat()} gives it. */
    private Optional<Long> sizeOf(String path) {
        return links.resolve(path) instanceof LinkResolver.Found found
                ? Optional.of(found.entry().size()) : Optional.empty();
    }

    private int countLocks(String dir) {
        int count = 0;
        for (TreeEntry entry : tree.list(dir)) {
            if (entry.kind() == EntryKind.DIRECTORY) {
                count += countLocks(TreePaths.child(dir, entry.name()));
            } else if (entry.name().endsWith(".lock")) {
                count++;
            }
        }
        return count;
    }
}
