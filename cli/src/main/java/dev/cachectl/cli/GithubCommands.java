package dev.cachectl.cli;

/**
 * Escaping for GitHub Actions workflow commands ({@code ::error file=...::message}): the runner decodes
 * {@code %25}, {@code %0D} and {@code %0A} in the message, and additionally {@code %3A} and {@code %2C} in
 * property values, where a raw {@code :} or {@code ,} would end the value.
 */
final class GithubCommands {

    private GithubCommands() {
    }

    /** A message (the part after {@code ::}). */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value ({@code file=}, {@code title=}). */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
