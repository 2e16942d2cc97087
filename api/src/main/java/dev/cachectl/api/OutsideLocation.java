package dev.cachectl.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A place outside the project where the same kind of cache usually lives, for example
 * {@code ~/.cache/huggingface/hub}. {@code status} and {@code doctor} warn when one holds data (the user
 * pays twice); {@code migrate} moves its content into the project cache.
 *
 * @param path   absolute location outside the project
 * @param target where its content belongs, relative to the provider's configured directory, using
 *               {@code /} separators; empty for the directory itself (e.g. {@code hub} for a hub cache)
 * @param origin why this location is considered, e.g. {@code "HF_HUB_CACHE"} or
 *               {@code "default ~/.cache/huggingface/hub"}
 * @param layout what may sit at the top level of the location when it holds this provider's cache:
 *               {@link java.nio.file.FileSystem#getPathMatcher glob} patterns matched against each top-level
 *               name (e.g. {@code models--*}, {@code .locks}); a pattern ending in {@code /} matches
 *               directories only (e.g. {@code hub/}, or <code>&#42;/</code> for any
 *               directory). {@code migrate} refuses a
 *               location holding anything else: it is a folder holding other things, not this cache. Empty
 *               when the provider declares no layout; then only the host's general rules apply (never a system
 *               directory, the home directory or a version-control checkout).
 */
public record OutsideLocation(Path path, String target, String origin, List<String> layout) {

    /** Validates the fields. */
    public OutsideLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        if (target.startsWith("/") || target.contains("..")) {
            throw new IllegalArgumentException("target must be relative and stay inside the cache: " + target);
        }
        layout = List.copyOf(Objects.requireNonNull(layout, "layout"));
        for (String pattern : layout) {
            String name = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("a layout pattern names one top-level entry: " + pattern);
            }
        }
    }

    /** A location whose layout the provider does not declare. */
    public OutsideLocation(Path path, String target, String origin) {
        this(path, target, origin, List.of());
    }

    /** This location with {@code patterns} as its {@link #layout()}. */
    public OutsideLocation withLayout(List<String> patterns) {
        return new OutsideLocation(path, target, origin, patterns);
    }
}
