package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.HubCacheFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the built-in providers' declared layouts send the entries of a legacy cache, of a {@code --from} folder
 * and of the misplaced-transformers layout: one line per planned source,
 * {@code provider: root -> destination [top-level entries]}, paths relative to the project.
 */
class LegacyPlacementTest {

    @TempDir
    Path temp;

    private MigrationTestProject project() {
        return new MigrationTestProject(temp.resolve("project"), temp.resolve("home"), temp.resolve("home/.cache"));
    }

    @Test
    void everyLegacyLayoutGoesToTheProviderThatDeclaresIt() throws Exception {
        MigrationTestProject project = project();
        Path legacy = project.root.resolve("shared/model-cache");
        HubCacheFixture.at(legacy).model("org/legacy-model").blob("b1", 10);
        FixtureFiles.write(legacy.resolve(".locks/models--org--legacy-model/x.lock"), 0);
        FixtureFiles.write(legacy.resolve("CACHEDIR.TAG"), 3);
        FixtureFiles.write(legacy.resolve("checkpoints/resnet.pth"), 20);
        FixtureFiles.write(legacy.resolve("whisper/tiny.pt"), 30);
        FixtureFiles.write(legacy.resolve("huggingface/hub/models--a--b/blobs/c"), 4);
        FixtureFiles.write(legacy.resolve("torch/hub/checkpoints/t.pth"), 5);
        FixtureFiles.write(legacy.resolve("other/file.bin"), 6);
        FixtureFiles.write(legacy.resolve("loose.pth"), 7);

        MigrationPlan plan = project.plan("huggingface", "torch");

        assertThat(lines(project, plan)).containsExactlyInAnyOrder(
                "torch: shared/model-cache/checkpoints -> .cache/torch/hub/checkpoints [resnet.pth]",
                "huggingface: shared/model-cache/huggingface -> .cache/huggingface [hub]",
                "torch: shared/model-cache/torch -> .cache/torch [hub]",
                "torch: shared/model-cache/whisper -> .cache/torch/whisper [tiny.pt]",
                "huggingface: shared/model-cache -> .cache/huggingface/hub [.locks, CACHEDIR.TAG, "
                        + "models--org--legacy-model]");
        assertThat(plan.skipped()).extracting(SkippedLocation::path)
                .containsExactlyInAnyOrder(legacy.resolve("other"), legacy.resolve("loose.pth"));
    }

    @Test
    void aLegacyHubFolderIsTheHubCacheWhenItHoldsRepoFoldersAndTorchsOtherwise() throws Exception {
        MigrationTestProject project = project();
        Path first = project.root.resolve("shared/model-cache");
        HubCacheFixture.at(first.resolve("hub")).model("org/m").blob("b", 10);
        assertThat(lines(project, project.plan("huggingface", "torch")))
                .containsExactly("huggingface: shared/model-cache/hub -> .cache/huggingface/hub [models--org--m]");

        MigrationTestProject other = new MigrationTestProject(temp.resolve("p2"), temp.resolve("h2"),
                temp.resolve("h2/.cache"));
        FixtureFiles.write(other.root.resolve("shared/model-cache/hub/checkpoints/w.pth"), 10);
        assertThat(lines(other, other.plan("huggingface", "torch")))
                .containsExactly("torch: shared/model-cache/hub -> .cache/torch/hub [checkpoints]");
    }

    @Test
    void anUnselectedProvidersLegacyEntriesAreLeftSilently() throws Exception {
        MigrationTestProject project = project();
        FixtureFiles.write(project.root.resolve("shared/model-cache/checkpoints/resnet.pth"), 20);
        HubCacheFixture.at(project.root.resolve("shared/model-cache")).model("org/m").blob("b", 10);

        MigrationPlan plan = project.plan("torch");

        assertThat(lines(project, plan))
                .containsExactly("torch: shared/model-cache/checkpoints -> .cache/torch/hub/checkpoints [resnet.pth]");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void aFromFolderGoesWhereItsShapeSays() throws Exception {
        MigrationTestProject project = project();
        Path hub = project.root.resolve("old-hub");
        HubCacheFixture.at(hub).model("org/m").blob("b", 10);
        Path torchHub = project.root.resolve("old-torch-hub");
        FixtureFiles.write(torchHub.resolve("checkpoints/w.pth"), 10);
        Path torchHome = project.root.resolve("old-torch-home");
        FixtureFiles.write(torchHome.resolve("checkpoints/w.pth"), 10);
        FixtureFiles.write(torchHome.resolve("hub/checkpoints/v.pth"), 10);
        Path plain = project.root.resolve("old-plain");
        FixtureFiles.write(plain.resolve("whatever.bin"), 10);

        assertThat(from(project, "huggingface", hub)).containsExactly("huggingface: old-hub -> .cache/huggingface/hub"
                + " [models--org--m]");
        assertThat(from(project, "huggingface", plain)).containsExactly("huggingface: old-plain -> .cache/huggingface"
                + " [whatever.bin]");
        assertThat(from(project, "torch", torchHub)).containsExactly("torch: old-torch-hub -> .cache/torch/hub"
                + " [checkpoints]");
        assertThat(from(project, "torch", torchHome)).containsExactly("torch: old-torch-home -> .cache/torch"
                + " [checkpoints, hub]");
        assertThat(from(project, "torch", hub)).containsExactly("torch: old-hub -> .cache/torch [models--org--m]");
    }

    @Test
    void repoFoldersDirectlyInTheCacheMoveToWhereTheLayoutPutsThem() throws Exception {
        MigrationTestProject project = project();
        Path hfHome = project.root.resolve(".cache/huggingface");
        HubCacheFixture.at(hfHome).model("org/misplaced").blob("b", 10);
        FixtureFiles.write(hfHome.resolve(".locks/models--org--misplaced/x.lock"), 0);
        FixtureFiles.write(hfHome.resolve("token"), 5);

        assertThat(lines(project, project.plan("huggingface"))).containsExactly(
                "huggingface: .cache/huggingface -> .cache/huggingface/hub [.locks, models--org--misplaced]");
    }

    private static List<String> from(MigrationTestProject project, String provider, Path folder) {
        MigrationPlan plan = Migration.plan(project.workspace(), new MigrationRequest(List.of(provider),
                Optional.of(folder), false, false, Instant.now()));
        return lines(project, plan);
    }

    static List<String> lines(MigrationTestProject project, MigrationPlan plan) {
        Path root;
        try {
            root = project.root.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return plan.sources().stream().map(s -> s.provider() + ": " + relative(root, s.root()) + " -> "
                + relative(root, s.destination()) + " " + s.items().stream().map(PlanItem::unit).distinct().sorted()
                .collect(Collectors.joining(", ", "[", "]"))).toList();
    }

    private static String relative(Path root, Path path) {
        Path real = path;
        try {
            real = Files.exists(path) ? path.toRealPath() : path;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return real.startsWith(root) ? root.relativize(real).toString() : path.toString();
    }
}
