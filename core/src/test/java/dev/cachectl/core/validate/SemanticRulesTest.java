package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.registry.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety rules of docs/config-reference.md ("What validation rejects, and why"), one at a time, on a real
 * project in a temp dir.
 */
class SemanticRulesTest {

    @TempDir
    Path temp;

    @Test
    void theFilesystemRootIsRejected() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"torch_home\": \"/\"}");

        ConfigProblem problem = only(fixture);

        assertThat(problem.code()).isEqualTo("CFG_FILESYSTEM_ROOT");
        assertThat(problem.pointer()).isEqualTo("/cache/torch_home");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(27);
        assertThat(problem.message()).contains("\".cache/torch\"");
    }

    @Test
    void theHomeDirectoryIsRejectedAsTildeAndAsAnAbsolutePath() {
        ValidationFixture fixture = new ValidationFixture(temp);
        fixture.cache("{\"hf_home\": \"~\", \"mlx_home\": \"" + json(fixture.home) + "\"}");

        assertThat(fixture.codes()).containsExactly("CFG_HOME_DIR", "CFG_HOME_DIR");
    }

    @Test
    void aParentOfTheHomeDirectoryIsRejected() {
        ValidationFixture fixture = new ValidationFixture(temp);
        fixture.cache("{\"hf_home\": \"" + json(fixture.home.getParent()) + "\"}");

        assertThat(fixture.codes()).containsExactly("CFG_HOME_DIR");
        assertThat(only(fixture).message()).contains("contains your home directory");
    }

    @Test
    void aCacheInsideTheHomeDirectoryIsAllowed() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"hf_home\": \"~/.cache/huggingface\"}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void theProjectRootIsRejectedHoweverItIsWritten() {
        ValidationFixture fixture = new ValidationFixture(temp);
        fixture.cache("{\"application_caches\": {\"glossary\": \".\", \"tmdb\": \"out/..\", \"musicbrainz\": \""
                + json(fixture.project) + "\"}}");

        assertThat(fixture.codes()).containsExactly("CFG_PROJECT_ROOT", "CFG_PROJECT_ROOT", "CFG_PROJECT_ROOT");
    }

    @Test
    void anAncestorOfTheProjectIsRejected() {
        ValidationFixture fixture = new ValidationFixture(temp);
        fixture.cache("{\"mlx_home\": \"..\", \"torch_home\": \"" + json(temp.resolve("work")) + "\"}");

        assertThat(fixture.codes()).containsExactly("CFG_ANCESTOR_OF_PROJECT", "CFG_ANCESTOR_OF_PROJECT");
    }

    @Test
    void aRelativePathClimbingOutOfTheProjectIsRejected() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"mlx_home\": \"../sibling/mlx\"}");

        ConfigProblem problem = only(fixture);

        assertThat(problem.code()).isEqualTo("CFG_ESCAPES_PROJECT");
        assertThat(problem.message()).contains("absolute path");
    }

    @Test
    void aRelativePathThatComesBackIntoTheProjectIsAllowed() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"mlx_home\": \"../project/.cache/mlx\"}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void anAbsolutePathOutsideTheProjectIsAllowed() {
        ValidationFixture fixture = new ValidationFixture(temp);
        fixture.cache("{\"hf_home\": \"" + json(temp.resolve("nas/models/hf")) + "\"}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void aNulByteInAPathIsRejectedOnce() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"torch_home\": \".cache/\\u0000torch\"}");

        ConfigProblem problem = only(fixture);

        assertThat(problem.code()).isEqualTo("CFG_NUL_BYTE");
        assertThat(problem.pointer()).isEqualTo("/cache/torch_home");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void twoProvidersInTheSameDirectoryOverlapNamingBothKeys() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .cache("{\n\"torch_home\": \"models\",\n\"hf_home\": \"models\"\n}");

        ConfigProblem problem = only(fixture);

        assertThat(problem.code()).isEqualTo("CFG_OVERLAP");
        assertThat(problem.pointer()).isEqualTo("/cache/hf_home");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("cache.hf_home", "cache.torch_home", "same directory");
    }

    @Test
    void aCacheNestedInAnotherOverlaps() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .cache("{\"application_caches\": {\"tmdb\": \"out/tmdb\", \"musicbrainz\": \"out/tmdb/mb\"}}");

        assertThat(only(fixture).code()).isEqualTo("CFG_OVERLAP");
        assertThat(only(fixture).message()).contains("is inside");
    }

    @Test
    void aConfiguredPathOverlappingAnotherProvidersDefaultIsCaught() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"application_caches\": {\"tmdb\": \"out\"}}");

        ConfigProblem problem = only(fixture);

        assertThat(problem.code()).isEqualTo("CFG_OVERLAP");
        assertThat(problem.pointer()).isEqualTo("/cache/application_caches/tmdb");
        assertThat(problem.message()).contains("musicbrainz (default out/musicbrainz_cache)");
    }

    @Test
    void baseDirMayHoldTheModelCachesButNotAnApplicationCache() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"base_dir\": \"caches\", \"torch_home\":"
                + " \"caches/torch\", \"application_caches\": {\"tmdb\": \"caches/tmdb\"}}");

        ConfigProblem problem = only(fixture);

        assertThat(problem.code()).isEqualTo("CFG_OVERLAP");
        assertThat(problem.message()).contains("cache.application_caches.tmdb", "cache.base_dir");
    }

    @Test
    void aModelCacheThatIsBaseDirItselfOverlaps() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .cache("{\"base_dir\": \"models\", \"hf_home\": \"models\"}");

        assertThat(fixture.codes()).contains("CFG_OVERLAP");
    }

    @Test
    void aLegacyCacheInsideACacheOverlaps() {
        ValidationFixture fixture = new ValidationFixture(temp)
                .cache("{\"legacy_caches\": [\"shared/model-cache\", \".cache/huggingface/old\"]}");

        assertThat(only(fixture).code()).isEqualTo("CFG_OVERLAP");
        assertThat(only(fixture).pointer()).isEqualTo("/cache/legacy_caches/1");
    }

    @Test
    void aCacheHoldingTheDefaultLegacyCacheOverlaps() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"torch_home\": \"shared\"}");

        assertThat(only(fixture).code()).isEqualTo("CFG_OVERLAP");
        assertThat(only(fixture).message()).contains("legacy cache (default shared/model-cache)");
    }

    @Test
    void aSymlinkToTheHomeDirectoryIsCaught() throws IOException {
        ValidationFixture fixture = new ValidationFixture(temp);
        Files.createSymbolicLink(fixture.project.resolve("models"), fixture.home);
        fixture.cache("{\"hf_home\": \"models\"}");

        assertThat(fixture.codes()).containsExactly("CFG_HOME_DIR");
    }

    @Test
    void aSymlinkMakingTwoCachesOneIsCaught() throws IOException {
        ValidationFixture fixture = new ValidationFixture(temp);
        Files.createDirectories(fixture.project.resolve("real"));
        Files.createSymbolicLink(fixture.project.resolve("alias"), fixture.project.resolve("real"));
        fixture.cache("{\"torch_home\": \"real\", \"hf_home\": \"alias\"}");

        assertThat(fixture.codes()).containsExactly("CFG_OVERLAP");
    }

    @Test
    void aBaseDirThatIsUnsafeIsReportedOnceNotOncePerModelCache() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"base_dir\": \"..\"}");

        assertThat(fixture.codes()).containsExactly("CFG_ANCESTOR_OF_PROJECT");
        assertThat(only(fixture).pointer()).isEqualTo("/cache/base_dir");
    }

    @Test
    void aKeyForAProviderThatIsNotLoadedSaysHowToFixIt() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"application_caches\": {\"imdb\": \"out/imdb\"},"
                + " \"model_caches\": {\"whisper\": \".cache/whisper\"}, \"providers\": {\"s3\": {}}}");

        List<ConfigProblem> problems = fixture.problems();

        assertThat(fixture.codes()).containsExactly("CFG_UNKNOWN_PROVIDER", "CFG_UNKNOWN_PROVIDER",
                "CFG_UNKNOWN_PROVIDER");
        assertThat(problems).extracting(ConfigProblem::pointer).containsExactly("/cache/application_caches/imdb",
                "/cache/model_caches/whisper", "/cache/providers/s3");
        assertThat(problems.getFirst().message()).contains("did you mean 'tmdb'?", "install its plugin or remove the key");
    }

    @Test
    void aKeyForALoadedPluginIsAccepted() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"model_caches\": {\"whisper\": \"w\"},"
                + " \"providers\": {\"whisper\": {\"size\": \"large\"}}}");
        List<FakeProvider> providers = new ArrayList<>(FakeProvider.builtIns());
        providers.add(new FakeProvider("whisper", CacheCategory.MODEL, ConfigKey.of("model_caches", "whisper"),
                ".cache/whisper"));
        fixture.registry = ProviderRegistry.of(providers);

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void aProviderUnderTheWrongSectionIsRejectedWithItsRealKey() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"application_caches\": {\"torch\": \"t\"},"
                + " \"model_caches\": {\"tmdb\": \"m\"}}");

        List<ConfigProblem> problems = fixture.problems();

        assertThat(fixture.codes()).containsExactly("CFG_WRONG_SECTION", "CFG_WRONG_SECTION");
        assertThat(problems.get(0).message()).contains("cache.torch_home");
        assertThat(problems.get(1).message()).contains("cache.application_caches.tmdb");
    }

    @Test
    void theSeedConfigOfTheOldScriptsIsValid() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"base_dir\": \".cache\", \"torch_home\":"
                + " \".cache/torch\", \"hf_home\": \".cache/huggingface\", \"mlx_home\": \".cache/mlx\","
                + " \"application_caches\": {\"tmdb\": \"out/tmdb_cache\", \"musicbrainz\": \"out/musicbrainz_cache\","
                + " \"glossary\": \"glossary/cache\"}}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void theBuiltInDefaultsAreValid() {
        ValidationFixture fixture = new ValidationFixture(temp);

        ValidationReport report = fixture.report();

        assertThat(report.source()).isEqualTo(dev.cachectl.core.config.ConfigSource.DEFAULTS);
        assertThat(report.valid()).isTrue();
    }

    @Test
    void overlappingDefaultsOfAPluginAreCaughtEvenWithoutAConfig() {
        ValidationFixture fixture = new ValidationFixture(temp);
        List<FakeProvider> providers = new ArrayList<>(FakeProvider.builtIns());
        providers.add(FakeProvider.app("torchcache", ".cache/torch/extra"));
        fixture.registry = ProviderRegistry.of(providers);

        assertThat(fixture.report().problems()).extracting(ConfigProblem::code).containsExactly("CFG_OVERLAP");
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    private static ConfigProblem only(ValidationFixture fixture) {
        List<ConfigProblem> problems = fixture.problems();
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }
}
