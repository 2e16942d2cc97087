package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceRequest;
import dev.cachectl.testkit.ScratchTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project with the default config and a fake home whose {@code XDG_CACHE_HOME} can sit on another file
 * system, for planning and running migrations in process.
 */
final class MigrationTestProject {

    final Path root;
    final Path home;
    final Path xdg;
    final Map<String, String> env = new HashMap<>();
    /** The providers the workspace sees; the built-in ones unless a test adds its own. */
    ProviderRegistry registry = ProviderRegistry.loadBuiltIn();

    MigrationTestProject(Path root, Path home, Path xdg) {
        this.root = root;
        this.home = home;
        this.xdg = xdg;
        try {
            Files.createDirectories(root.resolve("config"));
            Files.writeString(root.resolve("config/hardware_cache.json"), "{\"cache\": {}}\n");
            Files.createDirectories(home);
            Files.createDirectories(xdg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("XDG_CACHE_HOME", xdg.toString());
    }

    Path hfHub() {
        return root.resolve(".cache/huggingface/hub");
    }

    Path outsideHub() {
        return xdg.resolve("huggingface/hub");
    }

    Workspace workspace() {
        HostEnvironment host = new HostEnvironment(env, home, false);
        try {
            return Workspace.open(new WorkspaceRequest(root, Optional.empty(), List.of(), host), registry);
        } catch (dev.cachectl.core.workspace.WorkspaceException e) {
            throw new IllegalStateException(e);
        }
    }

    MigrationPlan plan(boolean copy, boolean force, String... providers) {
        return Migration.plan(workspace(), new MigrationRequest(List.of(providers), Optional.empty(), copy, force,
                Instant.now()));
    }

    MigrationPlan plan(String... providers) {
        return plan(false, false, providers);
    }

    MigrationResult run(MigrationPlan plan) {
        try (MigrationSession session = Migration.lock(workspace(), plan)) {
            return session.execute(plan, MigrationListener.NONE, Duration.ZERO);
        } catch (IOException | MigrationLockedException e) {
            throw new IllegalStateException(e);
        }
    }

    static PlanItem item(MigrationPlan plan, String path) {
        return plan.sources().stream().flatMap(s -> s.items().stream()).filter(i -> i.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no plan entry " + path + " in " + plan));
    }

    /** Every file and link below {@code dir}: relative path → content hash or link target. */
    static Map<String, String> snapshot(Path dir) {
        return ScratchTrees.contents(dir, null);
    }

    static void assertNoWorkFolderLeft(Path cache) {
        assertThat(cache.resolve(DestinationWorkArea.FOLDER).resolve("journal")).doesNotExist();
        assertThat(cache.resolve(DestinationWorkArea.FOLDER).resolve("staging")).doesNotExist();
    }
}
