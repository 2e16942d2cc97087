package dev.cachectl.core.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSectionSpliceTest {

    private static final Map<String, Object> SECTION = new LinkedHashMap<>(Map.of("base_dir", ".cache"));

    @Test
    void replacesOnlyTheCacheValueAndKeepsEveryOtherByte() {
        String text = "{\n  \"hardware\": {\"device\" : \"mps\", \"memory_gb\": 64.50},\n  \"cache\": {\n"
                + "    \"torch_home\": \"/x\"\n  },\n  \"detected_at\": \"2026-11-01\"\n}\n";
        assertThat(CacheSectionSplice.replace(text, SECTION)).isEqualTo("{\n  \"hardware\": {\"device\" : \"mps\","
                + " \"memory_gb\": 64.50},\n  \"cache\": {\n    \"base_dir\": \".cache\"\n  },\n"
                + "  \"detected_at\": \"2026-11-01\"\n}\n");
    }

    @Test
    void addsAMissingCacheKeyAfterTheLastKeyWithTheFilesIndentAndLineEnding() {
        String text = "{\r\n\t\"hardware\": [1, 2],\r\n\t\"n\": 5\r\n}";
        assertThat(CacheSectionSplice.replace(text, SECTION)).isEqualTo("{\r\n\t\"hardware\": [1, 2],\r\n\t\"n\": 5,"
                + "\r\n\t\"cache\": {\r\n\t\t\"base_dir\": \".cache\"\r\n\t}\r\n}");
    }

    @Test
    void handlesScalarCacheValuesOneLineFilesAndEmptyObjects() {
        assertThat(CacheSectionSplice.replace("{\"cache\": \"oops\", \"a\": 1}", SECTION))
                .isEqualTo("{\"cache\": {\"base_dir\": \".cache\"}, \"a\": 1}");
        assertThat(CacheSectionSplice.replace("{\"a\": 12}", SECTION))
                .isEqualTo("{\"a\": 12, \"cache\": {\"base_dir\": \".cache\"}}");
        assertThat(CacheSectionSplice.replace("{ }\n", SECTION))
                .isEqualTo("{\n  \"cache\": {\n    \"base_dir\": \".cache\"\n  }\n}\n");
    }

    @Test
    void theSeedsOwnLayoutStaysReadable() {
        String seed = "{ \"cache\": {\n    \"base_dir\": \"x\" } }\n";
        assertThat(CacheSectionSplice.replace(seed, SECTION))
                .isEqualTo("{ \"cache\": {\n  \"base_dir\": \".cache\"\n} }\n");
    }
}
