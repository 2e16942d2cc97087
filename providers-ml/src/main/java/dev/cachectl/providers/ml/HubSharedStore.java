package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * huggingface_hub's cache-wide shared blob store (version 2.0 and later): {@code <hub>/blobs/<2 hex>/<xet
 * hash>} payloads, marked by a {@code .huggingface-shared-blobs} file holding {@code "1\n"}; a repo's
 * {@code blobs/<etag>} is then a relative link to a payload. Repo sizes stay logical (each repo counts the
 * payloads it uses) while the cache total counts each payload once, including unused ones.
 */
final class HubSharedStore {

    static final String FOLDER = "blobs";
    private static final String MARKER = ".huggingface-shared-blobs";
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern XET_HASH = Pattern.compile("[0-9a-f]{64}");

    private final CacheTree tree;
    private final String storePath;

    private HubSharedStore(CacheTree tree, String storePath) {
        this.tree = tree;
        this.storePath = storePath;
    }

    /** The store of the hub cache at {@code hubPath}, when there is a marked one. */
    static Optional<HubSharedStore> find(CacheTree tree, String hubPath) {
        String store = TreePaths.child(hubPath, FOLDER);
        boolean marked = tree.entry(store).map(e -> e.kind() == EntryKind.DIRECTORY).orElse(false)
                && tree.readText(TreePaths.child(store, MARKER), 64).map("1\n"::equals).orElse(false);
        return marked ? Optional.of(new HubSharedStore(tree, store)) : Optional.empty();
    }

    /** Whether a repo blob path is a link to one of this store's payloads. */
    boolean holdsTargetOf(String repoBlobPath) {
        if (tree.entry(repoBlobPath).map(e -> e.kind() != EntryKind.SYMLINK).orElse(true)) {
            return false;
        }
        Optional<String> target = tree.readLink(repoBlobPath)
                .flatMap(link -> TreePaths.linkTarget(repoBlobPath, link));
        if (target.isEmpty() || !target.get().startsWith(storePath + "/")) {
            return false;
        }
        String[] parts = target.get().substring(storePath.length() + 1).split("/");
        return parts.length == 2 && isPayloadName(parts[0], parts[1])
                && tree.entry(target.get()).map(e -> e.kind() == EntryKind.FILE).orElse(false);
    }

    /** The bytes of every payload in the store, used or not. */
    long payloadBytes() {
        long total = 0;
        for (TreeEntry prefix : tree.list(storePath)) {
            if (prefix.kind() != EntryKind.DIRECTORY || !PREFIX.matcher(prefix.name()).matches()) {
                continue;
            }
            for (TreeEntry payload : tree.list(TreePaths.child(storePath, prefix.name()))) {
                if (payload.kind() == EntryKind.FILE && isPayloadName(prefix.name(), payload.name())) {
                    total += payload.size();
                }
            }
        }
        return total;
    }

    private static boolean isPayloadName(String prefix, String name) {
        return XET_HASH.matcher(name).matches() && name.startsWith(prefix);
    }
}
