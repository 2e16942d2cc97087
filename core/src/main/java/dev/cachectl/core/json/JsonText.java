package dev.cachectl.core.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes the CLI's {@code --json} documents: maps, lists, strings, numbers and booleans, keys in insertion
 * order, pretty-printed with a final newline. Kept in core so the CLI does not depend on Jackson.
 */
public final class JsonText {

    private static final ObjectWriter PRETTY = CoreJson.mapper().writerWithDefaultPrettyPrinter();

    private JsonText() {
    }

    /** The JSON text of a tree of maps, lists and scalars. */
    public static String write(Object tree) {
        try {
            return PRETTY.writeValueAsString(tree) + System.lineSeparator();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
