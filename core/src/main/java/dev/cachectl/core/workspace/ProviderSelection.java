package dev.cachectl.core.workspace;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.RegisteredProvider;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How {@code status}, {@code clear} and {@code migrate} turn their provider arguments into caches, the same way
 * for all three: no argument means every cache; otherwise each argument is a provider id or a group
 * ({@code models}: every model cache, {@code app}: every application cache, {@code all}), taken in the order
 * given, each cache once.
 */
public final class ProviderSelection {

    /** The group names, besides provider ids ({@code apps} is accepted for {@code app}). */
    public static final List<String> GROUPS = List.of("models", "app", "all");

    private ProviderSelection() {
    }

    /**
     * The caches {@code targets} name.
     *
     * @throws UnknownTargetException when an argument is neither a group nor the id of a working provider
     */
    public static List<CacheLocation> select(Workspace workspace, List<String> targets) {
        List<CacheLocation> caches = workspace.caches();
        if (targets.isEmpty()) {
            return caches;
        }
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
                String failure = workspace.registry().failures().stream().filter(f -> f.id().equals(target))
                        .map(ProviderFailure::reason).findFirst().orElse("");
                throw new UnknownTargetException(target, workspace.registry().providers().stream()
                        .map(RegisteredProvider::id).toList(), failure);
            }
            chosen.addAll(matched);
        }
        return new ArrayList<>(chosen);
    }

    /** An argument that names no working provider and no group. */
    public static final class UnknownTargetException extends IllegalArgumentException {
        @Serial
        private static final long serialVersionUID = 1L;
        private final String target;

        UnknownTargetException(String target, List<String> known, String failure) {
            super((failure.isEmpty() ? "unknown provider '" + target + "'"
                    : "provider '" + target + "' did not load: " + failure)
                    + "; known providers: " + String.join(", ", known) + " (see 'cachectl providers')"
                    + ", or a group: " + String.join(", ", GROUPS));
            this.target = target;
        }

        /** The argument. */
        public String target() {
            return target;
        }
    }
}
