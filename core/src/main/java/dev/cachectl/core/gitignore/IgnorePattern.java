package dev.cachectl.core.gitignore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One line of an ignore file, parsed as git parses it (gitignore(5)): {@code !} negates, a trailing
 * {@code /} matches directories only, a pattern without any other {@code /} matches a name at any depth,
 * one with a {@code /} is anchored to the file's folder.
 *
 * @param rule      where the line came from, and its text
 * @param base      the folder of the ignore file, relative to the work tree with {@code /} (empty at the top)
 * @param body      the glob without {@code !} and the trailing {@code /}
 * @param negated   the line starts with {@code !}
 * @param directoryOnly the line ends with {@code /}
 * @param basename  the glob has no {@code /}: it is matched against the last path segment
 * @param literalPrefix how many leading bytes of {@code body} hold no glob character
 */
record IgnorePattern(IgnoreRule rule, String base, byte[] body, boolean negated, boolean directoryOnly,
                     boolean basename, int literalPrefix) {

    /**
     * Parses a line (its line terminator and a CR before it removed). Blank lines and comments give nothing.
     */
    static Optional<IgnorePattern> parse(String line, IgnoreRule.Source source, int lineNumber, String base) {
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        String text = trimTrailingSpaces(line);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        boolean negated = text.startsWith("!");
        String glob = negated ? text.substring(1) : text;
        boolean directoryOnly = glob.endsWith("/");
        if (directoryOnly) {
            glob = glob.substring(0, glob.length() - 1);
        }
        byte[] body = glob.getBytes(StandardCharsets.UTF_8);
        int prefix = 0;
        while (prefix < body.length && !special(body[prefix])) {
            prefix++;
        }
        boolean basename = glob.indexOf('/') < 0;
        return Optional.of(new IgnorePattern(new IgnoreRule(source, lineNumber, text), base, body, negated,
                directoryOnly, basename, prefix));
    }

    /**
     * Drops trailing spaces unless the last one is escaped with a backslash (which then stays, and the glob
     * reads it as a literal space). Tabs are kept, as git keeps them.
     */
    static String trimTrailingSpaces(String line) {
        int lastSpace = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (lastSpace < 0) {
                    lastSpace = i;
                }
            } else if (c == '\\') {
                i++;
                if (i >= line.length()) {
                    return line;
                }
                lastSpace = -1;
            } else {
                lastSpace = -1;
            }
        }
        return lastSpace < 0 ? line : line.substring(0, lastSpace);
    }

    private static boolean special(byte b) {
        return b == '*' || b == '?' || b == '[' || b == '\\';
    }

    /**
     * Whether this pattern matches {@code path} (relative to the work tree, {@code /} separators, no trailing
     * slash), which is a directory when {@code directory} is true.
     */
    boolean matches(byte[] path, boolean directory, boolean ignoreCase) {
        if (directoryOnly && !directory) {
            return false;
        }
        if (basename) {
            int slash = lastSlash(path);
            byte[] name = Arrays.copyOfRange(path, slash + 1, path.length);
            if (literalPrefix == body.length) {
                return body.length == name.length && equal(body, 0, name, 0, name.length, ignoreCase);
            }
            return Wildmatch.matches(body, name, false, ignoreCase);
        }
        return matchesAnchored(path, ignoreCase);
    }

    private boolean matchesAnchored(byte[] path, boolean ignoreCase) {
        int patternStart = 0;
        int prefix = literalPrefix;
        if (body.length > 0 && body[0] == '/') {
            patternStart = 1;
            prefix--;
        }
        byte[] baseBytes = base.getBytes(StandardCharsets.UTF_8);
        int baseLength = baseBytes.length;
        if (path.length < baseLength + 1 || (baseLength > 0 && path[baseLength] != '/')
                || !equal(baseBytes, 0, path, 0, baseLength, ignoreCase)) {
            return false;
        }
        int nameStart = baseLength == 0 ? 0 : baseLength + 1;
        int nameLength = path.length - nameStart;
        int patternLength = body.length - patternStart;
        if (prefix > 0) {
            // git compares the glob-free start literally, then globs the rest: so "foo**/bar" behaves as if
            // "**/" started the remaining pattern. Kept exactly, to agree with git.
            if (prefix > nameLength || !equal(body, patternStart, path, nameStart, prefix, ignoreCase)) {
                return false;
            }
            patternStart += prefix;
            patternLength -= prefix;
            nameStart += prefix;
            nameLength -= prefix;
            if (patternLength == 0 && nameLength == 0) {
                return true;
            }
        }
        return Wildmatch.matches(Arrays.copyOfRange(body, patternStart, body.length),
                Arrays.copyOfRange(path, nameStart, path.length), true, ignoreCase);
    }

    private static int lastSlash(byte[] path) {
        for (int i = path.length - 1; i >= 0; i--) {
            if (path[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    private static boolean equal(byte[] a, int aFrom, byte[] b, int bFrom, int length, boolean ignoreCase) {
        for (int i = 0; i < length; i++) {
            int x = a[aFrom + i] & 0xFF;
            int y = b[bFrom + i] & 0xFF;
            if (ignoreCase) {
                x = x >= 'A' && x <= 'Z' ? x + 32 : x;
                y = y >= 'A' && y <= 'Z' ? y + 32 : y;
            }
            if (x != y) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IgnorePattern that && rule.equals(that.rule) && base.equals(that.base);
    }

    @Override
    public int hashCode() {
        return rule.hashCode() * 31 + base.hashCode();
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
