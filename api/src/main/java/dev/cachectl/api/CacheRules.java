package dev.cachectl.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the host must respect whenever it deletes from or moves a provider's directory (clear, migrate). Patterns are
 * {@link java.nio.file.FileSystem#getPathMatcher glob} patterns relative to the provider's directory,
 * with {@code /} separators.
 *
 * @param protectedPaths entries that are never deleted or moved (e.g. {@code token})
 * @param lockGlobs      lock files another process may hold while it writes into the cache; a held lock
 *                       makes the host skip the entry {@link CacheProvider#lockedEntry(String)} names
 * @param partialGlobs   partial downloads; a recently modified one is skipped as in use
 */
public record CacheRules(Set<String> protectedPaths, List<String> lockGlobs, List<String> partialGlobs) {

    /** No protected entries, no locks, no partial downloads. */
    public static final CacheRules NONE = new CacheRules(Set.of(), List.of(), List.of());

    /** Copies the collections. */
    public CacheRules {
        protectedPaths = Set.copyOf(Objects.requireNonNull(protectedPaths, "protectedPaths"));
        lockGlobs = List.copyOf(Objects.requireNonNull(lockGlobs, "lockGlobs"));
        partialGlobs = List.copyOf(Objects.requireNonNull(partialGlobs, "partialGlobs"));
    }
}
