package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.config.ConfigProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the JSON Schema rejects, with the code, pointer, position and fix the user sees. */
class SchemaRulesTest {

    @TempDir
    Path temp;

    @Test
    void anUnknownKeySuggestsTheNearestKnownOneAndPointsAtTheKey() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"torch_hom\": \".cache/torch\"}");

        ConfigProblem problem = fixture.problems().getFirst();

        assertThat(problem.code()).isEqualTo("CFG_UNKNOWN_KEY");
        assertThat(problem.pointer()).isEqualTo("/cache/torch_hom");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(13); // the opening quote of the key
        assertThat(problem.message()).contains("did you mean \"torch_home\"?");
    }

    @Test
    void anUnknownKeyFarFromAnyNameListsTheKnownOnes() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"zzzzzzzzzz\": 1}");

        assertThat(fixture.problems().getFirst().message()).contains("base_dir", "hf_home", "legacy_caches");
    }

    @Test
    void aWrongTypeNamesBothTypesAndShowsAnExample() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"hf_home\": 42}");

        ConfigProblem problem = fixture.problems().getFirst();

        assertThat(problem.code()).isEqualTo("CFG_TYPE");
        assertThat(problem.pointer()).isEqualTo("/cache/hf_home");
        assertThat(problem.column()).isEqualTo(24); // where 42 starts
        assertThat(problem.message()).contains("must be a string, not a number", "\".cache/huggingface\"");
    }

    @Test
    void anEmptyPathIsReportedOnce() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"application_caches\": {\"tmdb\": \"\"}}");

        assertThat(fixture.codes()).containsExactly("CFG_EMPTY_PATH");
        assertThat(fixture.problems().getFirst().message()).contains("\"out/tmdb_cache\"");
    }

    @Test
    void anInvalidProviderIdIsReportedOnceAtItsKey() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"model_caches\": {\"My Model\": \"x\"}}");

        assertThat(fixture.codes()).containsExactly("CFG_INVALID_ID");
        assertThat(fixture.problems().getFirst().pointer()).isEqualTo("/cache/model_caches/My Model");
    }

    @Test
    void anOverlongProviderIdIsInvalid() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .cache("{\"application_caches\": {\"" + "a".repeat(65) + "\": \"x\"}}");

        assertThat(fixture.codes()).containsExactly("CFG_INVALID_ID");
    }

    @Test
    void legacyCachesMustBeAListOfPaths() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"legacy_caches\": \"shared/model-cache\"}");

        assertThat(fixture.codes()).containsExactly("CFG_TYPE");
        assertThat(fixture.problems().getFirst().message()).contains("[\"shared/model-cache\"]");
    }

    @Test
    void providerSettingsMustBeObjects() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"providers\": {\"torch\": true}}");

        assertThat(fixture.codes()).containsExactly("CFG_TYPE");
    }

    @Test
    void otherTopLevelKeysAreAllowed() {
        ValidationFixture fixture = new ValidationFixture(temp).write(
                "{\"hardware\": {\"gpu\": \"mps\", \"cores\": [1, 2]}, \"detected_at\": null, \"cache\": {}}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void aFileWithoutACacheSectionIsValid() {
        ValidationFixture fixture = new ValidationFixture(temp).write("{\"hardware\": {}}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void aPluginsOwnTopLevelKeyIsNotUnknown() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"whisper_home\": \".cache/whisper\"}");
        fixture.registry = dev.cachectl.core.registry.ProviderRegistry.of(java.util.List.of(new FakeProvider(
                "whisper", dev.cachectl.api.CacheCategory.MODEL, dev.cachectl.api.ConfigKey.of("whisper_home"),
                ".cache/whisper")));

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void problemsComeInFileOrder() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .cache("{\n\"zz\": 1,\n\"hf_home\": 2,\n\"aa\": 3\n}");

        assertThat(fixture.problems()).extracting(ConfigProblem::line).isSorted();
        assertThat(fixture.codes()).containsExactly("CFG_UNKNOWN_KEY", "CFG_TYPE", "CFG_UNKNOWN_KEY");
    }
}
