package dev.cachectl.core.validate;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers as plain strings, and their names in messages. */
final class JsonPointers {

    private JsonPointers() {
    }

    /** The pointer of the enclosing value: {@code /cache/a} for {@code /cache/a/b}, {@code ""} at the top. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** {@code pointer} with one more reference token, escaped. */
    static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code pointer} with one more array index. */
    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The unescaped reference tokens. */
    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /**
     * The dotted name people read in messages: {@code cache.application_caches.tmdb} for
     * {@code /cache/application_caches/tmdb}, {@code cache.legacy_caches[1]} for an array item, and
     * {@code "the document"} for the whole file.
     */
    static String describe(String pointer) {
        if (pointer.isEmpty()) {
            return "the document";
        }
        StringBuilder name = new StringBuilder();
        for (String token : tokens(pointer)) {
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                name.append('[').append(token).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(token);
            }
        }
        return name.toString();
    }
}
