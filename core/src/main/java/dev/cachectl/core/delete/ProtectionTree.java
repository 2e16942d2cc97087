package dev.cachectl.core.delete;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The protected paths of a deletion as a tree of segments, so that the walk looks up one name per entry, and
 * only below directories that lead to a protected path.
 */
final class ProtectionTree {

    private final Map<String, ProtectionTree> children = new HashMap<>();
    private boolean protectedHere;

    private ProtectionTree() {
    }

    /** The tree of {@code paths}, or {@code null} when nothing is protected. */
    static ProtectionTree of(Set<String> paths) {
        if (paths.isEmpty()) {
            return null;
        }
        ProtectionTree root = new ProtectionTree();
        for (String path : paths) {
            ProtectionTree node = root;
            for (String segment : RelativePaths.segments(path)) {
                node = node.children.computeIfAbsent(segment, s -> new ProtectionTree());
            }
            node.protectedHere = true;
        }
        return root;
    }

    /** The node of entry {@code name} below this one, or {@code null} when nothing below it is protected. */
    ProtectionTree child(String name) {
        return children.get(name);
    }

    /** Whether this entry is itself protected (and so everything below it). */
    boolean isProtected() {
        return protectedHere;
    }

    /** Whether no entry below this one is named by a protected path. */
    boolean isLeaf() {
        return children.isEmpty();
    }
}
