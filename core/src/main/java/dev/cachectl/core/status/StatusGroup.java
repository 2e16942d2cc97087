package dev.cachectl.core.status;

import dev.cachectl.api.CacheCategory;
import java.util.Locale;

/** The groups {@code status} shows, in this order, like the old cache manager script. */
public enum StatusGroup {
    /** torch, huggingface, mlx and other model caches. */
    MODEL("Model caches"),
    /** tmdb, musicbrainz, glossary and other application caches. */
    APPLICATION("Application caches"),
    /** Folders the pipeline used before cachectl ({@code shared/model-cache/} by default). */
    LEGACY("Legacy caches");

    private final String title;

    StatusGroup(String title) {
        this.title = title;
    }

    /** The group of a provider category. */
    public static StatusGroup of(CacheCategory category) {
        return category == CacheCategory.MODEL ? MODEL : APPLICATION;
    }

    /** A heading for people, e.g. {@code Model caches}. */
    public String title() {
        return title;
    }

    /** The lowercase name used in JSON output ({@code model}, {@code application}, {@code legacy}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
