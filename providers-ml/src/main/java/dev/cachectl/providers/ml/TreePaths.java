package dev.cachectl.providers.ml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Lexical arithmetic on the {@code /}-separated relative paths of a {@link dev.cachectl.api.CacheTree}. */
final class TreePaths {

    private TreePaths() {
    }

    /** {@code parent/name}, or {@code name} when {@code parent} is the root ({@code ""}). */
    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** The folder holding {@code path}; {@code ""} for an entry of the root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of {@code path}. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Where a symbolic link at {@code linkPath} points, as a tree path, normalised lexically the way Python's
     * {@code os.path.abspath(link.parent / os.readlink(link))} does (which is what huggingface_hub uses);
     * empty when the target is absolute or climbs out of the tree.
     */
    static Optional<String> linkTarget(String linkPath, String target) {
        String portable = target.replace('\\', '/');
        if (portable.startsWith("/") || portable.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        String parent = parent(linkPath);
        if (!parent.isEmpty()) {
            for (String segment : parent.split("/")) {
                segments.addLast(segment);
            }
        }
        for (String segment : portable.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
    }
}
