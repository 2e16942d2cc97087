package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what a path of the tree finally is, reading symbolic links hop by hop through the
 * {@link CacheTree} (which itself never follows one). This is how a snapshot link reaches its blob, and how
 * a repo blob that links into huggingface_hub's shared blob store reaches the payload: the sizes
 * {@code scan_cache_dir} reports are those of the final files ({@code Path.stat()}). Results are cached per
 * path, since many snapshots share a blob.
 */
final class LinkResolver {

    /** Linux gives up after 40 links ({@code ELOOP}); so do we. */
    private static final int MAX_HOPS = 40;

    /** What a path finally is. */
    sealed interface Resolution permits Found, Missing, Outside {
    }

    /** An entry that is not a link: a file, a directory or something else. */
    record Found(TreeEntry entry) implements Resolution {
    }

    /** Nothing at the end of the chain (a broken link), or a loop. */
    record Missing() implements Resolution {
    }

    /** The chain leaves the tree (an absolute target or one climbing above the root): not read. */
    record Outside() implements Resolution {
    }

    private final CacheTree tree;
    private final Map<String, Resolution> cache = new HashMap<>();

    LinkResolver(CacheTree tree) {
        this.tree = tree;
    }

    /** What {@code path} finally is. */
    Resolution resolve(String path) {
        Resolution cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        Resolution result = follow(path);
        cache.put(path, result);
        return result;
    }

    private Resolution follow(String start) {
        String path = start;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            Optional<TreeEntry> entry = tree.entry(path);
            if (entry.isEmpty()) {
                return new Missing();
            }
            if (entry.get().kind() != EntryKind.SYMLINK) {
                return new Found(entry.get());
            }
            Optional<String> target = tree.readLink(path);
            if (target.isEmpty()) {
                return new Missing();
            }
            Optional<String> next = TreePaths.linkTarget(path, target.get());
            if (next.isEmpty()) {
                return new Outside();
            }
            path = next.get();
        }
        return new Missing();
    }
}
