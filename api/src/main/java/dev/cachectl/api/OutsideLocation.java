package dev.cachectl.api;

import java.nio.file.Path;
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
 */
public record OutsideLocation(Path path, String target, String origin) {

    /** Validates the fields. */
    public OutsideLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        if (target.startsWith("/") || target.contains("..")) {
            throw new IllegalArgumentException("target must be relative and stay inside the cache: " + target);
        }
    }
}
