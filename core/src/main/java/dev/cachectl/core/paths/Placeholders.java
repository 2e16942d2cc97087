package dev.cachectl.core.paths;

import java.util.Set;

/**
 * Files that only keep an otherwise empty folder in git ({@code .gitkeep} and the like). One rule for every
 * command: at the top of a cache or legacy folder they are not content, so {@code status} does not call such
 * a folder "not empty", {@code migrate} leaves them where they are and {@code clear} keeps them.
 */
public final class Placeholders {

    /** The placeholder file names. */
    public static final Set<String> NAMES = Set.of(".gitkeep", ".gitignore", ".keep");

    private Placeholders() {
    }

    /** Whether a top-level entry called {@code name} is a placeholder. */
    public static boolean isPlaceholder(String name) {
        return NAMES.contains(name);
    }
}
