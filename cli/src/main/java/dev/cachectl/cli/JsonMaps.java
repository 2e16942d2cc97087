package dev.cachectl.cli;

import dev.cachectl.core.scan.TreeUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds JSON objects whose keys keep the order they are given in (documented output is stable). */
final class JsonMaps {

    private JsonMaps() {
    }

    /** {@code ordered("a", 1, "b", 2)} is the object {@code {"a":1,"b":2}}; values may be null. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The sizes and counts of a tree, as {@code status} and {@code clear} report them. */
    static Map<String, Object> usage(TreeUsage usage) {
        return ordered("apparent_bytes", usage.apparentBytes(), "disk_bytes", usage.diskBytes(),
                "files", usage.files(), "dirs", usage.dirs(), "symlinks", usage.symlinks());
    }
}
