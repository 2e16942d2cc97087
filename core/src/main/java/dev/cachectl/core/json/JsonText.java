package dev.cachectl.core.json;

import dev.cachectl.core.text.FileNameCharset;
import dev.cachectl.core.text.TerminalText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes the CLI's {@code --json} documents: maps, lists, strings, numbers and booleans, keys in insertion
 * order, pretty-printed with a final newline. Kept in core so the CLI does not depend on Jackson.
 *
 * <p>Strings stay exact, and the text is safe to show on a terminal: Jackson escapes C0 controls, and every
 * other character {@link TerminalText#unsafe} calls unsafe (DEL, C1 controls, bidi overrides, ...) is
 * written as a <code>&#92;uXXXX</code> escape too, which any JSON parser reads back as the same character.
 * A file name byte that is not valid UTF-8 (a lone surrogate U+DC80..U+DCFF, see {@link FileNameCharset}) is
 * written as <code>&#92;udcNN</code>, the escape Python's {@code surrogateescape} reads back to byte
 * {@code 0xNN}.
 */
public final class JsonText {

    private static final ObjectWriter PRETTY = CoreJson.mapper().writerWithDefaultPrettyPrinter();

    private JsonText() {
    }

    /** The JSON text of a tree of maps, lists and scalars. */
    public static String write(Object tree) {
        try {
            return escapeInvisible(PRETTY.writeValueAsString(tree)) + System.lineSeparator();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Replaces every character of {@code json} that {@link TerminalText#unsafe} calls unsafe by its
     * <code>&#92;uXXXX</code> escape. Such characters only occur inside strings (JSON's own syntax is ASCII),
     * where an escape means the same character.
     */
    static String escapeInvisible(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean escape = c >= 0x7f && (Character.isSurrogate(c) ? lone(json, i)
                    || TerminalText.unsafe(json.codePointAt(Character.isHighSurrogate(c) ? i : i - 1))
                    : TerminalText.unsafe(c));
            if (escape && out == null) {
                out = new StringBuilder(json.length() + 32).append(json, 0, i);
            }
            if (escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /** Whether the surrogate at {@code i} is not half of a pair (e.g. an undecodable file name byte). */
    private static boolean lone(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i))
                ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                : i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
}
