package dev.cachectl.core.clear;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.core.workspace.CacheLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code clear}'s targets into cache locations: {@code models} (every model cache), {@code app} (every
 * application cache), {@code all}, or provider ids; the old scripts' clear-models, clear-app and clear-all.
 */
public final class ClearSelection {

    /** The group targets, besides provider ids. */
    public static final List<String> GROUPS = List.of("models", "app", "all");

    private ClearSelection() {
    }

    /**
     * The locations the targets name, each once, in the workspace's order.
     *
     * @throws UnknownTargetException when a target is neither a group nor a provider id
     */
    public static List<CacheLocation> select(List<CacheLocation> caches, List<String> targets)
            throws UnknownTargetException {
        Set<CacheLocation> chosen = new LinkedHashSet<>();
        for (String target : targets) {
            List<CacheLocation> matched = switch (target) {
                case "all" -> caches;
                case "models" -> caches.stream().filter(c -> c.provider().category() == CacheCategory.MODEL).toList();
                case "app", "apps" -> caches.stream()
                        .filter(c -> c.provider().category() == CacheCategory.APPLICATION).toList();
                default -> caches.stream().filter(c -> c.id().equals(target)).toList();
            };
            if (matched.isEmpty() && !GROUPS.contains(target) && !target.equals("apps")) {
                List<String> known = new ArrayList<>(GROUPS);
                caches.forEach(c -> known.add(c.id()));
                throw new UnknownTargetException("unknown clear target '" + target + "'; use one of: "
                        + String.join(", ", known));
            }
            chosen.addAll(matched);
        }
        return caches.stream().filter(chosen::contains).toList();
    }

    /** A target that names nothing. */
    public static final class UnknownTargetException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownTargetException(String message) {
            super(message);
        }
    }
}
