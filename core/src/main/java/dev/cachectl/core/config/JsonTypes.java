package dev.cachectl.core.config;

import tools.jackson.databind.JsonNode;

/** Names JSON value types the way users read them in error messages. */
public final class JsonTypes {

    private JsonTypes() {
    }

    /** "a string", "a number", "an object" ... */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
