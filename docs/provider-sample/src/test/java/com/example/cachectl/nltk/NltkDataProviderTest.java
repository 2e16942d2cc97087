package com.example.cachectl.nltk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NltkDataProviderTest {

    @TempDir
    Path dir;

    private final NltkDataProvider provider = new NltkDataProvider();

    @Test
    void isDeclaredAsAServiceProviderTheWayCachectlFindsIt() {
        // cachectl's ServiceLoader reads the module descriptor (and META-INF/services for a plain jar).
        assertTrue(NltkDataProvider.class.getModule().getDescriptor().provides().stream()
                .anyMatch(p -> p.service().equals(CacheProvider.class.getName())
                        && p.providers().equals(List.of(NltkDataProvider.class.getName()))));
    }

    @Test
    void keepsTheSpiContract() {
        assertEquals(CacheProvider.API_VERSION, provider.apiVersion());
        assertTrue(provider.id().matches("[a-z][a-z0-9_-]{0,63}"));
        assertEquals("cache.model_caches.nltk", provider.configKey().dotted());
        assertTrue(!provider.defaultPath().startsWith("/") && !provider.defaultPath().contains(".."));
        assertNotNull(provider.rules());
    }

    @Test
    void exportsNltkData() {
        Path cache = dir.resolve("project/.cache/nltk_data");

        assertEquals(Map.of("NLTK_DATA", cache.toString()), provider.environment(cache).set());
    }

    @Test
    void looksWhereNltkWouldDownloadWithoutTheProject() {
        HostEnvironment host = new HostEnvironment(Map.of("NLTK_DATA", "/srv/nltk:relative:/opt/nltk"),
                dir.resolve("home"), false);

        List<OutsideLocation> locations = provider.outsideLocations(host);

        assertEquals(List.of(Path.of("/srv/nltk"), Path.of("/opt/nltk"), dir.resolve("home/nltk_data")),
                locations.stream().map(OutsideLocation::path).toList());
    }

    @Test
    void listsPackagesByCategoryFromATempTree() throws IOException {
        Files.createDirectories(dir.resolve("corpora/wordnet"));
        Files.writeString(dir.resolve("corpora/wordnet.zip"), "zip");
        Files.writeString(dir.resolve("corpora/stopwords.zip"), "zip");
        Files.createDirectories(dir.resolve("tokenizers/punkt"));

        CacheDetails details = provider.details(new TempDirTree(dir));

        assertEquals(Map.of("packages", Map.of("corpora", List.of("stopwords", "wordnet"),
                "tokenizers", List.of("punkt"))), details.properties());
    }

    @Test
    void notesAFolderNltkNeverReads() throws IOException {
        Files.createDirectories(dir.resolve("wordnet"));
        Files.createDirectories(dir.resolve("corpora"));

        List<CacheFinding> findings = provider.inspect(new TempDirTree(dir));

        assertEquals(List.of("NLTK_UNKNOWN_FOLDER"), findings.stream().map(CacheFinding::code).toList());
    }

    @Test
    void anEmptyOrMissingTreeHasNoDetails() {
        assertEquals(CacheDetails.NONE, provider.details(new TempDirTree(dir.resolve("missing"))));
    }

    @Test
    void shipsItsSettingsSchemaWhereCachectlLooks() throws IOException {
        try (InputStream in = NltkDataProvider.class.getModule()
                .getResourceAsStream("META-INF/cachectl/providers/nltk.schema.json")) {
            assertNotNull(in, "META-INF/cachectl/providers/nltk.schema.json");
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("\"packages\""));
        }
    }
}
