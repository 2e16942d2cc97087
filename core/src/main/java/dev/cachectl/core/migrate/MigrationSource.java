package dev.cachectl.core.migrate;

import dev.cachectl.core.workspace.CacheLocation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A folder whose content belongs in a provider's cache, before planning.
 *
 * @param kind                why it is a source
 * @param cache               the provider's cache in this project
 * @param origin              what named it (e.g. {@code HF_HUB_CACHE})
 * @param root                the folder, with symbolic links in its own path resolved
 * @param target              where its content goes, relative to the cache directory ({@code ""}: the directory)
 * @param entries             the top-level names that belong to the source; empty for all of them
 * @param removeRootWhenEmpty whether the folder itself is removed once emptied
 * @param layout              the top-level patterns the provider declared for this location
 *                            ({@link dev.cachectl.api.OutsideLocation#layout()}); empty when it declared none
 * @param hub                 the hub rules for the repo folders the provider's {@link dev.cachectl.api.CacheLayout}
 *                            declares
 */
record MigrationSource(SourceKind kind, CacheLocation cache, String origin, Path root, String target,
                       Set<String> entries, boolean removeRootWhenEmpty, java.util.List<String> layout,
                       HubLayout hub) {

    MigrationSource(SourceKind kind, CacheLocation cache, String origin, Path root, String target,
                    Set<String> entries, boolean removeRootWhenEmpty, HubLayout hub) {
        this(kind, cache, origin, root, target, entries, removeRootWhenEmpty, java.util.List.of(), hub);
    }

    MigrationSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(hub, "hub");
        entries = Set.copyOf(entries);
        layout = java.util.List.copyOf(layout);
    }

    /** Where the content goes. */
    Path destination() {
        return target.isEmpty() ? cache.directory() : cache.directory().resolve(target);
    }

    /** A source-relative path as a path relative to the provider's directory, for its rules. */
    String providerPath(String relative) {
        if (target.isEmpty()) {
            return relative;
        }
        return relative.isEmpty() ? target : target + "/" + relative;
    }

    /**
     * A provider-relative path back as a source-relative one; empty when it lies outside this source, and
     * {@code ""} when it is the whole source.
     */
    java.util.Optional<String> sourcePath(String providerPath) {
        if (target.isEmpty()) {
            return java.util.Optional.of(providerPath);
        }
        if (providerPath.equals(target) || target.startsWith(providerPath + "/") || providerPath.isEmpty()) {
            return java.util.Optional.of("");
        }
        return providerPath.startsWith(target + "/")
                ? java.util.Optional.of(providerPath.substring(target.length() + 1)) : java.util.Optional.empty();
    }

    /** Whether a top-level name belongs to this source. */
    boolean includes(String topLevelName) {
        return entries.isEmpty() || entries.contains(topLevelName);
    }
}
