package dev.cachectl.core.init;

import dev.cachectl.core.json.CoreJson;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Replaces the value of the top-level {@code cache} key in a config's text and leaves every other byte as it
 * was: the other keys, their order, their formatting, comments-free JSON as the user wrote it. When there is
 * no {@code cache} key it is added after the last key. The new section is indented like the file (the
 * {@code cache} line's indentation, tabs or spaces, LF or CRLF; one line when the file is one line).
 */
final class CacheSectionSplice {


    private CacheSectionSplice() {
    }

    /**
     * The text with its {@code cache} value replaced by {@code section}.
     *
     * @param text a config that parsed as a JSON object
     */
    static String replace(String text, Map<String, Object> section) {
        Span span = scan(text);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        boolean multiline = text.contains("\n");
        if (span.cacheValue().isPresent()) {
            int[] value = span.cacheValue().get();
            String indent = indentOfLine(text, span.cacheKey());
            String unit = !multiline ? null : indent.isEmpty() ? "  " : indent;
            return text.substring(0, value[0]) + DefaultConfig.render(section, indent, unit, newline)
                    + text.substring(value[1]);
        }
        if (span.lastValueEnd() < 0) {
            // "{}": nothing to keep but what follows the object.
            Map<String, Object> root = Map.of("cache", section);
            return text.substring(0, span.objectStart())
                    + DefaultConfig.render(root, "", multiline || text.isBlank() ? "  " : null, newline)
                    + text.substring(span.objectEnd());
        }
        String indent = multiline ? indentOfLine(text, span.lastKey()) : "";
        String unit = !multiline ? null : indent.isEmpty() ? "  " : indent;
        String insert = "," + (multiline ? newline + indent : " ") + "\"cache\": "
                + DefaultConfig.render(section, indent, unit, newline);
        return text.substring(0, span.lastValueEnd()) + insert + text.substring(span.lastValueEnd());
    }

    /** Offsets found in one pass over the top-level object. */
    private record Span(int objectStart, int objectEnd, int lastKey, int lastValueEnd, int cacheKey,
                        Optional<int[]> cacheValue) {
    }

    private static Span scan(String text) {
        try (JsonParser parser = CoreJson.mapper().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the config is not a JSON object");
            }
            int objectStart = offset(parser.currentTokenLocation().getCharOffset());
            int lastKey = -1;
            int lastValueEnd = -1;
            int cacheKey = -1;
            Optional<int[]> cacheValue = Optional.empty();
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                int keyStart = offset(parser.currentTokenLocation().getCharOffset());
                JsonToken value = parser.nextToken();
                int valueStart = offset(parser.currentTokenLocation().getCharOffset());
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    parser.getString(); // strings are read lazily: finish the token so the location is after it
                }
                int valueEnd = offset(parser.currentLocation().getCharOffset());
                lastKey = keyStart;
                lastValueEnd = valueEnd;
                if (name.equals("cache")) {
                    cacheKey = keyStart;
                    cacheValue = Optional.of(new int[] {valueStart, valueEnd});
                }
            }
            int objectEnd = offset(parser.currentLocation().getCharOffset());
            return new Span(objectStart, objectEnd, lastKey, lastValueEnd, cacheKey, cacheValue);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the config cannot be parsed: " + e.getOriginalMessage(), e);
        }
    }

    private static int offset(long charOffset) {
        if (charOffset < 0 || charOffset > Integer.MAX_VALUE) {
            throw new IllegalStateException("the JSON parser gave no character offset");
        }
        return (int) charOffset;
    }

    /** The spaces and tabs that start the line holding {@code offset}. */
    private static String indentOfLine(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int end = lineStart;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(lineStart, end);
    }
}
