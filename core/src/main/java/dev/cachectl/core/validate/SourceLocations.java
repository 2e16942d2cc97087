package dev.cachectl.core.validate;

import dev.cachectl.core.json.CoreJson;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Where each JSON pointer of a config's text sits in the file: the line and column of its key (for object
 * members) and of its value. Built from one streaming pass with Jackson's location tracking, because a
 * {@code JsonNode} tree no longer knows where it came from.
 */
final class SourceLocations {

    /** A 1-based line and column; {@link #UNKNOWN} when there is no text to point into. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }


    private final Map<String, Position> keys;
    private final Map<String, Position> values;

    private SourceLocations(Map<String, Position> keys, Map<String, Position> values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * The locations in {@code text}. The text has already been parsed strictly by the config loader; if it
     * still fails here, the locations read so far are kept and the rest are unknown.
     */
    static SourceLocations of(String text) {
        Map<String, Position> keys = new HashMap<>();
        Map<String, Position> values = new HashMap<>();
        if (text.isEmpty()) {
            return new SourceLocations(keys, values);
        }
        try (JsonParser parser = CoreJson.mapper().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                Position position = position(parser.currentTokenLocation());
                if (token == JsonToken.PROPERTY_NAME) {
                    keys.putIfAbsent(pointer, position);
                } else {
                    values.putIfAbsent(pointer, position);
                }
            }
        } catch (JacksonException e) {
            // The loader rejects malformed text before validation; nothing better to point at here.
        }
        return new SourceLocations(keys, values);
    }

    /** Where the value at {@code pointer} starts; falls back to the nearest enclosing value. */
    Position value(String pointer) {
        for (String p = pointer; ; p = JsonPointers.parent(p)) {
            Position found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Position.UNKNOWN;
            }
        }
    }

    /** Where the key of the member at {@code pointer} is written; falls back to its value. */
    Position key(String pointer) {
        Position found = keys.get(pointer);
        return found != null ? found : value(pointer);
    }

    private static Position position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return Position.UNKNOWN;
        }
        return new Position(location.getLineNr(), Math.max(location.getColumnNr(), 1));
    }
}
