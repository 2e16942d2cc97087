package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    private static final List<String> KEYS = List.of("base_dir", "torch_home", "hf_home", "mlx_home",
            "application_caches", "model_caches", "legacy_caches", "providers");

    @Test
    void typosFindTheirKey() {
        assertThat(NearestName.suggest("torch_hom", KEYS)).contains("torch_home");
        assertThat(NearestName.suggest("HF_HOME", KEYS)).contains("hf_home");
        assertThat(NearestName.suggest("aplication_caches", KEYS)).contains("application_caches");
        assertThat(NearestName.suggest("basedir", KEYS)).contains("base_dir");
    }

    @Test
    void unrelatedNamesGetNoSuggestion() {
        assertThat(NearestName.suggest("hardware", KEYS)).isEmpty();
        assertThat(NearestName.suggest("x", List.of())).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("same", "same")).isZero();
    }
}
