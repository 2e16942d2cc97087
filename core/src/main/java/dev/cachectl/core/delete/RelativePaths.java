package dev.cachectl.core.delete;

import java.util.List;

/** Checks and splits the {@code /}-separated relative paths callers give a deleter. */
final class RelativePaths {

    private RelativePaths() {
    }

    /**
     * The segments of {@code path}; rejects empty, absolute and {@code .}/{@code ..} paths, which could name the
     * root itself or leave it.
     */
    static List<String> segments(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a relative path inside the root: '" + path + "'");
        }
        List<String> segments = List.of(path.split("/", -1));
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("path segment '" + s + "' not allowed in '" + path
                        + "': give a plain path below the root, e.g. 'hub/models--org--name'");
            }
        }
        return segments;
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
