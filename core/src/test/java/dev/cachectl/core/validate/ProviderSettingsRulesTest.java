package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheProvider;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.ProviderRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's own settings schema (test resource {@code META-INF/cachectl/providers/tuned.schema.json}) applied to
 * {@code cache.providers.tuned}, reported like the core schema.
 */
class ProviderSettingsRulesTest {

    @TempDir
    Path temp;

    private ValidationFixture fixture() {
        ValidationFixture fixture = new ValidationFixture(temp);
        List<CacheProvider> providers = new ArrayList<>(FakeProvider.builtIns());
        providers.add(FakeProvider.app("tuned", "out/tuned"));
        fixture.registry = ProviderRegistry.of(providers);
        return fixture;
    }

    @Test
    void theRegistryReadsTheSchemaShippedBesideTheProvider() {
        assertThat(fixture().registry.find("tuned").orElseThrow().settingsSchema()).get().asString()
                .contains("\"threads\"");
        assertThat(fixture().registry.find("tmdb").orElseThrow().settingsSchema()).isEmpty();
    }

    @Test
    void validSettingsPass() {
        ValidationFixture fixture = fixture().cache("{\"providers\": {\"tuned\": {\"threads\": 4,"
                + " \"mirror\": \"https://example.org/models\"}}}");

        assertThat(fixture.problems()).isEmpty();
    }

    @Test
    void aWrongValueIsReportedAtItsPositionWithThePointer() {
        ValidationFixture fixture = fixture().write("""
                {
                  "cache": {
                    "providers": {
                      "tuned": { "threads": 0 }
                    }
                  }
                }
                """);

        ConfigProblem problem = fixture.problems().getFirst();

        assertThat(fixture.codes()).containsExactly("CFG_PROVIDER_SETTINGS");
        assertThat(problem.pointer()).isEqualTo("/cache/providers/tuned/threads");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(29);
        assertThat(problem.message()).startsWith("cache.providers.tuned.threads: ")
                .endsWith(" (the settings schema of provider 'tuned'; see its documentation)");
    }

    @Test
    void anUnknownSettingPointsAtItsKey() {
        ValidationFixture fixture = fixture().write("""
                {"cache": {"providers": {"tuned": {
                  "thread": 4}}}}
                """);

        ConfigProblem problem = fixture.problems().getFirst();

        assertThat(problem.code()).isEqualTo("CFG_PROVIDER_SETTINGS");
        assertThat(problem.pointer()).isEqualTo("/cache/providers/tuned/thread");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.message()).isEqualTo("unknown key \"thread\" in cache.providers.tuned: did you mean"
                + " \"threads\"? (the settings schema of provider 'tuned'; see its documentation)");
    }

    @Test
    void aSectionThatIsNotAnObjectIsLeftToTheCoreSchema() {
        ValidationFixture fixture = fixture().cache("{\"providers\": {\"tuned\": 3}}");

        assertThat(fixture.codes()).containsExactly("CFG_TYPE");
    }

    @Test
    void aProviderWhoseSchemaIsNotJsonFailsToLoadAndTheOthersWork() {
        List<CacheProvider> providers = new ArrayList<>(FakeProvider.builtIns());
        providers.add(FakeProvider.app("broken-schema", "out/broken"));

        ProviderRegistry registry = ProviderRegistry.of(providers);

        assertThat(registry.providers()).hasSize(6);
        assertThat(registry.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.code()).isEqualTo("PROVIDER_CONTRACT");
            assertThat(failure.reason()).startsWith("ships an unusable settings schema:"
                    + " META-INF/cachectl/providers/broken-schema.schema.json is not valid JSON: ");
        });
        assertThat(registry.failures()).extracting(ProviderFailure::id).containsExactly("broken-schema");
    }
}
