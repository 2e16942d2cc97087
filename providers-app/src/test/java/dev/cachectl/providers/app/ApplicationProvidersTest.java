package dev.cachectl.providers.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.HostEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationProvidersTest {

    @Test
    void theThreeApplicationCachesHaveTheSeedDefaults() {
        List<CacheProvider> providers = List.of(new TmdbProvider(), new MusicBrainzProvider(), new GlossaryProvider());

        assertThat(providers).extracting(CacheProvider::id).containsExactly("tmdb", "musicbrainz", "glossary");
        assertThat(providers).extracting(CacheProvider::defaultPath)
                .containsExactly("out/tmdb_cache", "out/musicbrainz_cache", "glossary/cache");
        assertThat(providers).extracting(p -> p.configKey().dotted()).containsExactly(
                "cache.application_caches.tmdb", "cache.application_caches.musicbrainz",
                "cache.application_caches.glossary");
        assertThat(providers).allSatisfy(p -> {
            assertThat(p.category()).isEqualTo(CacheCategory.APPLICATION);
            assertThat(p.apiVersion()).isEqualTo(CacheProvider.API_VERSION);
            assertThat(p.outsideLocations(new HostEnvironment(Map.of(), Path.of("/home/x"), false))).isEmpty();
        });
    }

    @Test
    void eachExportsItsDirectory() {
        assertThat(new TmdbProvider().environment(Path.of("/p/out/tmdb_cache")).set())
                .containsExactly(Map.entry("CACHECTL_TMDB_CACHE", "/p/out/tmdb_cache"));
    }
}
