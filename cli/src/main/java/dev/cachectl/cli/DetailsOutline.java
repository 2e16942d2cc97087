package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.status.HumanBytes;
import dev.cachectl.core.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints a provider's details (maps, lists and scalars of any provider) as an indented outline; a number
 * under a key ending in {@code _bytes} also shows its human size. Keys and values are escaped for the terminal.
 */
final class DetailsOutline {

    private DetailsOutline() {
    }

    static void print(PrintWriter out, Map<?, ?> map, String indent) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                out.println(indent + escape(key) + ":" + (nested.isEmpty() ? " {}" : ""));
                print(out, nested, indent + "  ");
            } else if (value instanceof List<?> list && !scalars(list)) {
                out.println(indent + escape(key) + ":");
                printList(out, list, indent + "  ");
            } else {
                out.println(indent + escape(key) + ": " + inline(key, value));
            }
        }
    }

    private static void printList(PrintWriter out, List<?> list, String indent) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                // The first key on the dash line, the others aligned under it.
                var entries = map.entrySet().iterator();
                var first = entries.next();
                out.println(indent + "- " + escape(first.getKey()) + ": " + inline(String.valueOf(first.getKey()),
                        first.getValue()));
                Map<Object, Object> rest = new java.util.LinkedHashMap<>();
                entries.forEachRemaining(e -> rest.put(e.getKey(), e.getValue()));
                print(out, rest, indent + "  ");
            } else {
                out.println(indent + "- " + inline("", item));
            }
        }
    }

    private static String inline(String key, Object value) {
        if (value instanceof List<?> list && scalars(list)) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(TerminalText::escape).toList());
        }
        return scalar(key, value);
    }

    private static boolean scalars(List<?> list) {
        return list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    }

    private static String scalar(String key, Object value) {
        if (key.endsWith("_bytes") && value instanceof Number number) {
            return number + " (" + HumanBytes.format(number.longValue()) + ")";
        }
        return escape(value);
    }
}
