package dev.cachectl.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheCategory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A provider's default path obeys the rules a configured path does: a default that is the project root, lies in
 * version-control metadata or is not portable is a contract error of that one provider, and the others load.
 */
class ProviderDefaultPathTest {

    @ParameterizedTest
    @ValueSource(strings = {".", "./", "a/..", ".git", ".git/objects", "sub/.hg/x", "out\\\\cache", "C:/cache",
        "~/cache", "/abs"})
    void aBadDefaultPathFailsOnlyThatProvider(String defaultPath) {
        ProviderRegistryTest.FakeProvider bad = new ProviderRegistryTest.FakeProvider("bad", CacheCategory.APPLICATION) {
            @Override
            public String defaultPath() {
                return defaultPath;
            }
        };
        ProviderRegistryTest.FakeProvider good = new ProviderRegistryTest.FakeProvider("good", CacheCategory.APPLICATION);

        ProviderRegistry registry = ProviderRegistry.of(List.of(bad, good));

        assertThat(registry.providers()).extracting(RegisteredProvider::id).containsExactly("good");
        assertThat(registry.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.id()).isEqualTo("bad");
            assertThat(failure.reason()).contains("invalid default path '" + defaultPath + "'");
        });
    }
}
