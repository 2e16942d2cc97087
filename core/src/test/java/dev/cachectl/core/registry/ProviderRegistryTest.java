package dev.cachectl.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    /** A configurable provider for failure cases. */
    static class FakeProvider implements CacheProvider {
        final String id;
        final CacheCategory category;
        int apiVersion = CacheProvider.API_VERSION;

        FakeProvider(String id, CacheCategory category) {
            this.id = id;
            this.category = category;
        }

        @Override
        public int apiVersion() {
            return apiVersion;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Fake " + id;
        }

        @Override
        public CacheCategory category() {
            return category;
        }

        @Override
        public ConfigKey configKey() {
            return ConfigKey.of("application_caches", id);
        }

        @Override
        public String defaultPath() {
            return "out/" + id;
        }

        @Override
        public EnvironmentSpec environment(Path directory) {
            return EnvironmentSpec.setting(Map.of("FAKE", directory.toString()));
        }

        @Override
        public List<OutsideLocation> outsideLocations(HostEnvironment host) {
            return List.of();
        }
    }

    @Test
    void builtInProvidersAreTheSix() {
        ProviderRegistry registry = ProviderRegistry.loadBuiltIn();

        assertThat(registry.failures()).isEmpty();
        assertThat(registry.providers()).extracting(RegisteredProvider::id)
                .containsExactly("huggingface", "mlx", "torch", "glossary", "musicbrainz", "tmdb");
    }

    @Test
    void aProviderThatThrowsWhileDescribingItselfIsReportedAndTheOthersWork() {
        FakeProvider broken = new FakeProvider("broken", CacheCategory.APPLICATION) {
            @Override
            public String displayName() {
                throw new IllegalStateException("boom");
            }
        };

        ProviderRegistry registry = ProviderRegistry.of(List.of(broken, new FakeProvider("good",
                CacheCategory.APPLICATION)));

        assertThat(registry.providers()).extracting(RegisteredProvider::id).containsExactly("good");
        assertThat(registry.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("broken");
            assertThat(f.reason()).contains("IllegalStateException: boom").contains("remove its jar");
        });
    }

    @Test
    void duplicateIdsAreAnErrorNamingBoth() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new FakeProvider("same", CacheCategory.MODEL),
                new FakeProvider("same", CacheCategory.APPLICATION)));

        assertThat(registry.providers()).hasSize(1);
        assertThat(registry.failures()).singleElement().extracting(ProviderFailure::reason).asString()
                .contains("duplicate provider id 'same'").contains("already provided by");
    }

    @Test
    void aBuiltInIdCannotBeTakenOver() {
        List<CacheProvider> providers = new java.util.ArrayList<>();
        ProviderRegistry.loadBuiltIn().providers().forEach(p -> providers.add(p.provider()));
        providers.add(new FakeProvider("torch", CacheCategory.MODEL));

        ProviderRegistry registry = ProviderRegistry.of(providers);

        assertThat(registry.find("torch").orElseThrow().displayName()).isEqualTo("PyTorch hub");
        assertThat(registry.failures()).singleElement().extracting(ProviderFailure::reason).asString()
                .contains("built-in ids cannot be taken over");
    }

    @Test
    void anIncompatibleApiVersionIsRefusedWithTheFix() {
        FakeProvider future = new FakeProvider("future", CacheCategory.MODEL);
        future.apiVersion = CacheProvider.API_VERSION + 1;

        ProviderRegistry registry = ProviderRegistry.of(List.of(future));

        assertThat(registry.providers()).isEmpty();
        assertThat(registry.failures()).singleElement().extracting(ProviderFailure::reason).asString()
                .contains("API version " + (CacheProvider.API_VERSION + 1)).contains("rebuild the provider");
    }

    @Test
    void invalidIdsAndNullsBreakTheContract() {
        FakeProvider upper = new FakeProvider("Upper", CacheCategory.MODEL);
        FakeProvider nullName = new FakeProvider("nullname", CacheCategory.MODEL) {
            @Override
            public String displayName() {
                return null;
            }
        };

        ProviderRegistry registry = ProviderRegistry.of(List.of(upper, nullName));

        assertThat(registry.providers()).isEmpty();
        assertThat(registry.failures()).extracting(ProviderFailure::reason)
                .anySatisfy(r -> assertThat(r).contains("invalid id 'Upper'"))
                .anySatisfy(r -> assertThat(r).contains("displayName() returned null"));
    }

    @Test
    void laterCallsAreGuardedAndNameTheProvider() {
        FakeProvider flaky = new FakeProvider("flaky", CacheCategory.APPLICATION) {
            @Override
            public EnvironmentSpec environment(Path directory) {
                throw new UnsupportedOperationException("no env today");
            }
        };
        RegisteredProvider registered = ProviderRegistry.of(List.of(flaky)).providers().getFirst();

        assertThatThrownBy(() -> registered.environment(Path.of("/tmp/x")))
                .isInstanceOf(ProviderCallException.class)
                .hasMessageContaining("provider 'flaky'").hasMessageContaining("environment()")
                .hasMessageContaining("no env today");
    }

    @Test
    void modelCachesComeBeforeApplicationCaches() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new FakeProvider("a", CacheCategory.APPLICATION),
                new FakeProvider("z", CacheCategory.MODEL)));

        assertThat(registry.providers()).extracting(RegisteredProvider::id).containsExactly("z", "a");
        assertThat(registry.byCategory(CacheCategory.MODEL)).extracting(RegisteredProvider::id).containsExactly("z");
    }
}
