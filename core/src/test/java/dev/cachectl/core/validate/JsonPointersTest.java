package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPointersTest {

    @Test
    void describesPointersTheWayConfigKeysAreWritten() {
        assertThat(JsonPointers.describe("")).isEqualTo("the document");
        assertThat(JsonPointers.describe("/cache/application_caches/tmdb")).isEqualTo("cache.application_caches.tmdb");
        assertThat(JsonPointers.describe("/cache/legacy_caches/1")).isEqualTo("cache.legacy_caches[1]");
    }

    @Test
    void escapesAndUnescapesReferenceTokens() {
        String pointer = JsonPointers.child("/cache", "a/b~c");

        assertThat(pointer).isEqualTo("/cache/a~1b~0c");
        assertThat(JsonPointers.tokens(pointer)).containsExactly("cache", "a/b~c");
        assertThat(JsonPointers.parent(pointer)).isEqualTo("/cache");
        assertThat(JsonPointers.parent("/cache")).isEmpty();
    }
}
