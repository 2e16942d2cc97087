package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.ProviderOrigin;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config key of a provider that failed to load: reported by validate as CFG_PROVIDER_NOT_LOADED, but not a reason
 * for the other commands to refuse the whole config.
 */
class FailedProviderKeysTest {

    @TempDir
    Path temp;

    /** The built-ins, and a plugin provider {@code moody} that failed while describing itself. */
    private static ProviderRegistry withMoody(List<ProviderFailure> moreFailures) {
        List<ProviderFailure> failures = new ArrayList<>(List.of(new ProviderFailure("moody",
                new ProviderOrigin("com.example.moody", "plugin", "/p/moody.jar"), "PROVIDER_CALL",
                "failed while describing itself: IllegalStateException: not today; report it to the provider's"
                        + " author or remove its jar")));
        failures.addAll(moreFailures);
        return new ProviderRegistry(ProviderRegistry.of(FakeProvider.builtIns()).providers(), failures);
    }

    @Test
    void aKeyOfAProviderThatFailedNamesTheFailure() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"model_caches\": {\"moody\": \".cache/m\"}}");
        fixture.registry = withMoody(List.of());

        ConfigProblem problem = fixture.problems().getFirst();

        assertThat(problem.code()).isEqualTo("CFG_PROVIDER_NOT_LOADED");
        assertThat(problem.message()).startsWith("cache.model_caches.moody: provider 'moody' failed to load (failed"
                + " while describing itself: IllegalStateException: not today;");
    }

    @Test
    void anUnknownKeyWhileAPluginJarFailedMayBeThatPlugin() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"providers\": {\"ghost\": {}}}");
        fixture.registry = withMoody(List.of(new ProviderFailure("ghost.jar", new ProviderOrigin("unknown", "plugin",
                "/p/ghost.jar"), "PLUGIN_UNREADABLE", "not a readable jar")));

        ConfigProblem problem = fixture.problems().getFirst();

        assertThat(problem.code()).isEqualTo("CFG_PROVIDER_NOT_LOADED");
        assertThat(problem.message()).isEqualTo("cache.providers.ghost: no provider with id 'ghost' is loaded, and a"
                + " plugin failed to load (/p/ghost.jar), maybe this one; fix or remove it ('cachectl providers' says"
                + " why), or remove the key");
    }

    @Test
    void anUnknownKeyWithNoFailedPluginIsStillATypo() {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"model_caches\": {\"moodx\": \"m\"}}");
        fixture.registry = withMoody(List.of());

        assertThat(fixture.codes()).containsExactly("CFG_UNKNOWN_PROVIDER");
    }

    @Test
    void theWorkspaceOpensWithoutTheKeysOfFailedProviders() throws Exception {
        ValidationFixture fixture = new ValidationFixture(temp).cache("{\"model_caches\": {\"moody\": \".cache/m\"},"
                + " \"torch_home\": \".cache/t\"}");
        WorkspaceRequest request = new WorkspaceRequest(fixture.project, Optional.empty(), List.of(),
                new HostEnvironment(Map.of(), fixture.home, false));

        Workspace workspace = Workspace.open(request, withMoody(List.of()));

        assertThat(workspace.caches()).extracting(c -> c.id()).doesNotContain("moody").contains("torch");
        assertThat(workspace.registry().failures()).extracting(ProviderFailure::id).containsExactly("moody");
    }
}
