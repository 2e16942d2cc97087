package dev.cachectl.core.text;

/**
 * Renders any string for a terminal so that what is shown is what the string holds, and nothing in it
 * acts on the terminal: the rules of GNU {@code ls --quoting-style=escape}, extended to Unicode.
 *
 * <ul>
 *   <li>a backslash becomes {@code \\}, so every escape below is unambiguous;</li>
 *   <li>C0 controls become {@code \a \b \t \n \v \f \r \e} or {@code \xNN}, DEL becomes {@code \x7f};</li>
 *   <li>a byte of a file name that is not valid UTF-8 (held as U+DC80..U+DCFF, see
 *       {@link FileNameCharset}) becomes {@code \xNN}, its byte;</li>
 *   <li>C1 controls (U+0080..U+009F), format characters (bidi overrides and isolates, zero-width
 *       characters, the BOM, ...), line and paragraph separators and other lone surrogates become
 *       <code>&#92;uXXXX</code> (<code>&#92;UXXXXXXXX</code> above U+FFFF).</li>
 * </ul>
 * Everything else, including spaces and non-ASCII letters, is kept as it is.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** The terminal-safe form of {@code value}'s {@link String#valueOf(Object) text}. */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        int i = 0;
        while (i < text.length() && safe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the common case, without copying
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            append(out, c);
        }
        return out.toString();
    }

    /** Whether {@code c} (a UTF-16 unit) may reach a terminal unescaped; surrogates are checked as code points. */
    private static boolean safe(char c) {
        return c >= 0x20 && c < 0x7f && c != '\\' || c >= 0xa0 && !Character.isSurrogate(c) && !unsafe(c);
    }

    /**
     * Whether code point {@code c} must not reach a terminal as it is: a control, format or separator
     * character or a surrogate. (The backslash, safe in itself, is escaped by {@link #escape} too.)
     */
    public static boolean unsafe(int c) {
        if (c < 0x20 || c >= 0x7f && c < 0xa0) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                 Character.CONTROL -> true;
            default -> false;
        };
    }

    private static void append(StringBuilder out, int c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case 0x0b -> out.append("\\v");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            case 0x1b -> out.append("\\e");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                } else if (FileNameCharset.isEscapedByte(c)) {
                    out.append(String.format("\\x%02x", c & 0xff));
                } else if (c >= 0x80 && unsafe(c)) {
                    out.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }
}
