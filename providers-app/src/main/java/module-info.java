/** Built-in application cache providers: tmdb, musicbrainz, glossary. Exports nothing. */
module dev.cachectl.providers.app {
    requires dev.cachectl.api;

    provides dev.cachectl.api.CacheProvider with
            dev.cachectl.providers.app.TmdbProvider,
            dev.cachectl.providers.app.MusicBrainzProvider,
            dev.cachectl.providers.app.GlossaryProvider;
}
