package dev.cachectl.core.gitignore;

/** The POSIX {@code [:name:]} classes of git's globs, for ASCII bytes (bytes above 127 are in none). */
final class CharacterClass {

    private CharacterClass() {
    }

    /** Whether {@code c} is in the class, or {@code null} for an unknown class name. */
    static Boolean test(String name, int c, boolean caseFold) {
        boolean upper = c >= 'A' && c <= 'Z';
        boolean lower = c >= 'a' && c <= 'z';
        boolean digit = c >= '0' && c <= '9';
        boolean alpha = upper || lower;
        boolean print = c >= 0x20 && c < 0x7F;
        return switch (name) {
            case "alnum" -> alpha || digit;
            case "alpha" -> alpha;
            case "blank" -> c == ' ' || c == '\t';
            case "cntrl" -> c < 0x20 || c == 0x7F;
            case "digit" -> digit;
            case "graph" -> print && c != ' ';
            case "lower" -> lower;
            case "print" -> print;
            case "punct" -> print && c != ' ' && !alpha && !digit;
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "upper" -> upper || (caseFold && lower);
            case "xdigit" -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> null;
        };
    }
}
