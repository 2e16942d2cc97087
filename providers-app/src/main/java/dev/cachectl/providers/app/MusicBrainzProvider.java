package dev.cachectl.providers.app;

/** MusicBrainz metadata lookups, in {@code out/musicbrainz_cache} by default. */
public final class MusicBrainzProvider extends ApplicationCacheProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public MusicBrainzProvider() {
        super("musicbrainz", "MusicBrainz", "out/musicbrainz_cache");
    }
}
