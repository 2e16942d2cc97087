package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads one repo folder of a hub cache with the rules of huggingface_hub's {@code _scan_cached_repo}: the
 * same checks, in the same order, with the same counting. Two depths: {@link #structure} checks the folder,
 * its refs and its snapshot folders without opening a snapshot (cheap enough for every {@code status});
 * {@link #scan} also walks every snapshot file to its blob.
 *
 * <p>Where the two differ on purpose: links are never followed into directories (a repo folder,
 * {@code snapshots}, {@code refs} or a snapshot that is itself a link is reported, not read), and a snapshot
 * link leaving the cache is counted as a file but not sized.
 */
final class HubRepoScanner {

    /** OS helper files huggingface_hub skips in the cache root and in {@code snapshots/}. */
    static final Set<String> FILES_TO_IGNORE = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    /** A ref file is a 40-character hash; anything much larger is not one. */
    private static final int MAX_REF_BYTES = 4096;

    /** The outcome of reading one repo folder. */
    sealed interface Result permits Valid, Corrupted {
    }

    /** A repo that reads cleanly. */
    record Valid(HubRepoContents contents) implements Result {
    }

    /** A repo huggingface_hub would skip with a warning. */
    record Corrupted(HubCorruption corruption) implements Result {
    }

    /** What a deep read fills in while it checks. */
    private record Deep(SnapshotWalk walk, List<HubRevision> revisions) {
    }

    private final CacheTree tree;
    private final LinkResolver links;

    HubRepoScanner(CacheTree tree, LinkResolver links) {
        this.tree = tree;
        this.links = links;
    }

    /** Checks {@code folder} (an entry of the directory {@code parent}) without opening its snapshots. */
    Optional<HubCorruption> structure(String parent, TreeEntry folder) {
        return check(parent, folder, Optional.empty());
    }

    /** Reads {@code folder} (an entry of the directory {@code parent}) completely. */
    Result scan(String parent, TreeEntry folder) {
        Deep deep = new Deep(new SnapshotWalk(tree, links), new ArrayList<>());
        Optional<HubCorruption> problem = check(parent, folder, Optional.of(deep));
        if (problem.isPresent()) {
            return new Corrupted(problem.get());
        }
        String repoPath = TreePaths.child(parent, folder.name());
        SnapshotWalk walk = deep.walk();
        return new Valid(new HubRepoContents(repoPath, folder.name(), HubRepoName.parse(folder.name()).orElseThrow(),
                deep.revisions(), walk.blobs(), walk.lastModified().orElse(folder.modifiedMillis()),
                countFiles(TreePaths.child(repoPath, ".no_exist")), walk.externalLinks()));
    }

    /** scan_cache_dir's checks, in its order; with {@code deep}, every snapshot is also walked. */
    private Optional<HubCorruption> check(String parent, TreeEntry folder, Optional<Deep> deep) {
        String repoPath = TreePaths.child(parent, folder.name());
        if (folder.kind() == EntryKind.SYMLINK) {
            return corrupted(repoPath, "is a symbolic link; cachectl does not follow links in a cache");
        }
        if (folder.kind() != EntryKind.DIRECTORY) {
            return corrupted(repoPath, "is not a directory");
        }
        Optional<String> badName = HubRepoName.problem(folder.name());
        if (badName.isPresent()) {
            return corrupted(repoPath, badName.get());
        }
        String snapshotsPath = TreePaths.child(repoPath, "snapshots");
        if (!isDirectory(snapshotsPath)) {
            return corrupted(repoPath, "has no snapshots folder");
        }
        Map<String, Set<String>> refsByCommit = new TreeMap<>();
        Optional<String> badRefs = readRefs(TreePaths.child(repoPath, "refs"), refsByCommit);
        if (badRefs.isPresent()) {
            return corrupted(repoPath, badRefs.get());
        }
        for (TreeEntry snapshot : tree.list(snapshotsPath)) {
            if (FILES_TO_IGNORE.contains(snapshot.name())) {
                continue;
            }
            if (snapshot.kind() != EntryKind.DIRECTORY) {
                return corrupted(repoPath, "snapshots/" + snapshot.name() + (snapshot.kind() == EntryKind.SYMLINK
                        ? " is a symbolic link, not a snapshot folder" : " is a file, not a snapshot folder"));
            }
            Set<String> refs = refsByCommit.remove(snapshot.name());
            if (deep.isPresent()) {
                SnapshotWalk walk = deep.get().walk();
                Optional<String> broken = walk.revision(TreePaths.child(snapshotsPath, snapshot.name()));
                if (broken.isPresent()) {
                    return corrupted(repoPath, "blob missing (broken symlink): " + broken.get());
                }
                deep.get().revisions().add(walk.finish(snapshot, refs == null ? List.of() : List.copyOf(refs)));
            }
        }
        if (!refsByCommit.isEmpty()) {
            return corrupted(repoPath, "refs point at missing snapshots: " + describe(refsByCommit));
        }
        return Optional.empty();
    }

    /** Collects {@code refs/**} into commit -> ref names; a reason when the refs cannot be read. */
    private Optional<String> readRefs(String refsPath, Map<String, Set<String>> refsByCommit) {
        Optional<TreeEntry> refs = tree.entry(refsPath);
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        return switch (refs.get().kind()) {
            case DIRECTORY -> readRefFolder(refsPath, "", refsByCommit);
            case SYMLINK -> Optional.of("refs is a symbolic link; cachectl does not follow links in a cache");
            default -> Optional.of("refs is a file, not a folder");
        };
    }

    private Optional<String> readRefFolder(String refsPath, String prefix, Map<String, Set<String>> refsByCommit) {
        for (TreeEntry entry : tree.list(prefix.isEmpty() ? refsPath : TreePaths.child(refsPath, prefix))) {
            String refName = TreePaths.child(prefix, entry.name());
            if (entry.kind() == EntryKind.DIRECTORY) {
                Optional<String> problem = readRefFolder(refsPath, refName, refsByCommit);
                if (problem.isPresent()) {
                    return problem;
                }
                continue;
            }
            if (FILES_TO_IGNORE.contains(entry.name())) {
                continue;
            }
            Optional<String> commit = entry.kind() == EntryKind.FILE
                    ? tree.readText(TreePaths.child(refsPath, refName), MAX_REF_BYTES) : Optional.empty();
            if (commit.isEmpty()) {
                return Optional.of("ref '" + refName + "' cannot be read");
            }
            // The hash exactly as stored: huggingface_hub writes no newline and does not strip one.
            refsByCommit.computeIfAbsent(commit.get(), c -> new TreeSet<>()).add(refName);
        }
        return Optional.empty();
    }

    private static String describe(Map<String, Set<String>> refsByCommit) {
        List<String> parts = new ArrayList<>();
        refsByCommit.forEach((commit, refs) -> parts.add(String.join(", ", refs) + " -> " + commit.strip()));
        return String.join("; ", parts);
    }

    private boolean isDirectory(String path) {
        return tree.entry(path).map(e -> e.kind() == EntryKind.DIRECTORY).orElse(false);
    }

    /** Regular files and links below {@code dir}, at any depth. */
    int countFiles(String dir) {
        int count = 0;
        for (TreeEntry entry : tree.list(dir)) {
            count += entry.kind() == EntryKind.DIRECTORY ? countFiles(TreePaths.child(dir, entry.name())) : 1;
        }
        return count;
    }

    private static Optional<HubCorruption> corrupted(String path, String reason) {
        return Optional.of(new HubCorruption(path, reason));
    }
}
