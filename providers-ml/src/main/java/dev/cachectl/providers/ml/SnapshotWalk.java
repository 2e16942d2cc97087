package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Walks the snapshots of one repo to their blobs, counting like huggingface_hub: a snapshot file is a blob
 * itself when it is a real file, else the blob is the first hop of its link (normalised lexically); a blob's
 * size and time are those of the final file. Each blob is counted once per revision and once per repo.
 */
final class SnapshotWalk {

    /** A blob as the repo uses it: its path in the tree, and its final file's size and time. */
    record Blob(String path, long sizeBytes, long modifiedMillis) {
    }

    private final CacheTree tree;
    private final LinkResolver links;
    private final Map<String, Blob> repoBlobs = new LinkedHashMap<>();
    private int externalLinks;

    private final Set<String> revisionBlobs = new LinkedHashSet<>();
    private int files;
    private int linked;
    private int real;

    SnapshotWalk(CacheTree tree, LinkResolver links) {
        this.tree = tree;
        this.links = links;
    }

    /** Walks one snapshot folder; the path of a broken link when there is one (the repo is then corrupted). */
    Optional<String> revision(String snapshotPath) {
        revisionBlobs.clear();
        files = 0;
        linked = 0;
        real = 0;
        return walk(snapshotPath);
    }

    /** The revision just walked. */
    HubRevision finish(TreeEntry snapshot, List<String> refs) {
        long size = 0;
        OptionalLong newest = OptionalLong.empty();
        for (String path : revisionBlobs) {
            Blob blob = repoBlobs.get(path);
            size += blob.sizeBytes();
            newest = OptionalLong.of(Math.max(newest.orElse(Long.MIN_VALUE), blob.modifiedMillis()));
        }
        return new HubRevision(snapshot.name(), refs, size, files, linked, real,
                newest.orElse(snapshot.modifiedMillis()));
    }

    /** The distinct blobs of every revision walked so far, by path. */
    Map<String, Blob> blobs() {
        return Map.copyOf(repoBlobs);
    }

    /** The newest blob time of the repo, when it has blobs. */
    OptionalLong lastModified() {
        return repoBlobs.values().stream().mapToLong(Blob::modifiedMillis).max();
    }

    /** Snapshot links that leave the cache (counted as files, not sized). */
    int externalLinks() {
        return externalLinks;
    }

    private Optional<String> walk(String dir) {
        for (TreeEntry entry : tree.list(dir)) {
            String path = TreePaths.child(dir, entry.name());
            Optional<String> broken = switch (entry.kind()) {
                case DIRECTORY -> walk(path);
                case SYMLINK -> link(path);
                case FILE, OTHER -> {
                    files++;
                    real++;
                    use(new Blob(path, entry.size(), entry.modifiedMillis()));
                    yield Optional.empty();
                }
            };
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private Optional<String> link(String path) {
        // huggingface_hub first asks is_dir() (following the link): a link to a folder is not a file.
        LinkResolver.Resolution finalTarget = links.resolve(path);
        if (finalTarget instanceof LinkResolver.Found found && found.entry().kind() == EntryKind.DIRECTORY) {
            return Optional.empty();
        }
        files++;
        linked++;
        Optional<String> blobPath = tree.readLink(path).flatMap(target -> TreePaths.linkTarget(path, target));
        if (blobPath.isEmpty() || finalTarget instanceof LinkResolver.Outside) {
            externalLinks++;
            return Optional.empty();
        }
        return switch (finalTarget) {
            case LinkResolver.Found found -> {
                use(new Blob(blobPath.get(), found.entry().size(), found.entry().modifiedMillis()));
                yield Optional.empty();
            }
            case LinkResolver.Missing missing -> Optional.of(blobPath.get());
            case LinkResolver.Outside outside -> Optional.empty();
        };
    }

    private void use(Blob blob) {
        repoBlobs.putIfAbsent(blob.path(), blob);
        revisionBlobs.add(blob.path());
    }
}
