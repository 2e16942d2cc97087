package dev.cachectl.providers.app;

/** The Movie Database lookups, in {@code out/tmdb_cache} by default. */
public final class TmdbProvider extends ApplicationCacheProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public TmdbProvider() {
        super("tmdb", "TMDB", "out/tmdb_cache");
    }
}
