package dev.cachectl.core.gitignore;

/**
 * git's glob dialect ("wildmatch"), on bytes as git compares them: {@code ?}, {@code *}, {@code [...]} with
 * ranges, {@code !}/{@code ^} negation and {@code [:class:]} names, {@code \} escapes, and in path mode
 * {@code **} spanning directories when it stands alone between slashes (or at either end). The result codes
 * mirror git's so that a failed {@code *} can stop its callers early exactly when git does.
 */
final class Wildmatch {

    static final int MATCH = 0;
    static final int NO_MATCH = 1;
    static final int ABORT_ALL = -1;
    static final int ABORT_TO_STARSTAR = -2;

    private final int[] pattern;
    private final int[] text;
    private final boolean pathMode;
    private final boolean caseFold;

    private Wildmatch(int[] pattern, int[] text, boolean pathMode, boolean caseFold) {
        this.pattern = pattern;
        this.text = text;
        this.pathMode = pathMode;
        this.caseFold = caseFold;
    }

    /**
     * Whether {@code text} matches {@code pattern}.
     *
     * @param pathMode git's WM_PATHNAME: wildcards do not match {@code /} except {@code **}
     * @param caseFold ASCII letters compare without case (core.ignorecase)
     */
    static boolean matches(byte[] pattern, byte[] text, boolean pathMode, boolean caseFold) {
        return new Wildmatch(unsigned(pattern), unsigned(text), pathMode, caseFold).match(0, 0) == MATCH;
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    private int p(int i) {
        return i < pattern.length ? pattern[i] : 0;
    }

    private int t(int i) {
        return i < text.length ? text[i] : 0;
    }

    private int fold(int c) {
        return caseFold && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private int match(int pi, int ti) {
        for (; pi < pattern.length; pi++, ti++) {
            int pc = pattern[pi];
            if (ti >= text.length && pc != '*') {
                return ABORT_ALL;
            }
            int tc = fold(t(ti));
            pc = fold(pc);
            switch (pc) {
                case '\\' -> {
                    pi++;
                    if (tc != p(pi)) {
                        return NO_MATCH;
                    }
                }
                case '?' -> {
                    if (pathMode && tc == '/') {
                        return NO_MATCH;
                    }
                }
                case '*' -> {
                    return star(pi, ti, tc);
                }
                case '[' -> {
                    int end = bracket(pi, tc);
                    if (end < 0) {
                        return end == -1 ? ABORT_ALL : NO_MATCH;
                    }
                    pi = end;
                }
                default -> {
                    if (tc != pc) {
                        return NO_MATCH;
                    }
                }
            }
        }
        return ti < text.length ? NO_MATCH : MATCH;
    }

    /** Matches from a {@code *} at {@code pi} against text from {@code ti}; the rest of the pattern too. */
    private int star(int pi, int ti, int tc) {
        boolean matchSlash;
        pi++;
        if (p(pi) == '*') {
            int before = pi - 2;
            while (p(++pi) == '*') {
                // several stars count as two
            }
            if (!pathMode) {
                matchSlash = true;
            } else if ((before < 0 || pattern[before] == '/')
                    && (pi >= pattern.length || pattern[pi] == '/' || (p(pi) == '\\' && p(pi + 1) == '/'))) {
                // "**/" may match no directory at all: try the rest right here first.
                if (p(pi) == '/' && match(pi + 1, ti) == MATCH) {
                    return MATCH;
                }
                matchSlash = true;
            } else {
                matchSlash = false;
            }
        } else {
            matchSlash = !pathMode;
        }
        if (pi >= pattern.length) {
            // A trailing "**" matches everything; a trailing "*" only the rest of this path segment.
            return !matchSlash && indexOfSlash(ti) >= 0 ? NO_MATCH : MATCH;
        }
        if (!matchSlash && pattern[pi] == '/') {
            // One star then a slash: skip to the next slash of the text and go on after both.
            int slash = indexOfSlash(ti);
            return slash < 0 ? NO_MATCH : match(pi + 1, slash + 1);
        }
        while (true) {
            if (ti >= text.length) {
                break;
            }
            int next = pattern[pi];
            if (next != '*' && next != '?' && next != '[' && next != '\\') {
                // A literal follows: whatever comes before its next occurrence belongs to the star.
                int literal = fold(next);
                while (ti < text.length && (matchSlash || text[ti] != '/')) {
                    tc = fold(text[ti]);
                    if (tc == literal) {
                        break;
                    }
                    ti++;
                }
                tc = ti < text.length ? fold(text[ti]) : 0;
                if (tc != literal) {
                    return NO_MATCH;
                }
            }
            int matched = match(pi, ti);
            if (matched != NO_MATCH) {
                if (!matchSlash || matched != ABORT_TO_STARSTAR) {
                    return matched;
                }
            } else if (!matchSlash && tc == '/') {
                return ABORT_TO_STARSTAR;
            }
            ti++;
            tc = fold(t(ti));
        }
        return ABORT_ALL;
    }

    private int indexOfSlash(int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Matches a bracket expression starting at {@code pi} against {@code tc}. Returns the index of its closing
     * {@code ]} when it matches, -1 for a malformed expression (git aborts the whole match), -2 for no match.
     */
    private int bracket(int pi, int tc) {
        int pc = p(++pi);
        if (pc == '^') {
            pc = '!';
        }
        boolean negated = pc == '!';
        if (negated) {
            pc = p(++pi);
        }
        int previous = 0;
        boolean matched = false;
        do {
            if (pc == 0) {
                return -1;
            }
            if (pc == '\\') {
                pc = p(++pi);
                if (pc == 0) {
                    return -1;
                }
                if (tc == pc) {
                    matched = true;
                }
            } else if (pc == '-' && previous != 0 && p(pi + 1) != 0 && p(pi + 1) != ']') {
                pc = p(++pi);
                if (pc == '\\') {
                    pc = p(++pi);
                    if (pc == 0) {
                        return -1;
                    }
                }
                if (tc <= pc && tc >= previous) {
                    matched = true;
                } else if (caseFold && tc >= 'a' && tc <= 'z') {
                    int upper = tc - ('a' - 'A');
                    if (upper <= pc && upper >= previous) {
                        matched = true;
                    }
                }
                pc = 0; // a range cannot start another range
            } else if (pc == '[' && p(pi + 1) == ':') {
                int start = pi + 2;
                int close = start;
                while (p(close) != 0 && p(close) != ']') {
                    close++;
                }
                if (p(close) == 0) {
                    return -1;
                }
                int length = close - start - 1;
                if (length < 0 || p(close - 1) != ':') {
                    // Not "[:name:]": a plain '[' in the set.
                    pi = start - 2;
                    pc = '[';
                    if (tc == pc) {
                        matched = true;
                    }
                } else {
                    String name = new String(pattern, start, length);
                    Boolean inClass = CharacterClass.test(name, tc, caseFold);
                    if (inClass == null) {
                        return -1;
                    }
                    matched |= inClass;
                    pi = close;
                    pc = 0;
                }
            } else if (tc == pc) {
                matched = true;
            }
            previous = pc;
            pc = p(++pi);
        } while (pc != ']');
        if (matched == negated || (pathMode && tc == '/')) {
            return -2;
        }
        return pi;
    }
}
