package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.scan.MemoryTempDirFactory;
import dev.cachectl.core.scan.TreeFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TreeDeleterEdgeTest {

    @TempDir(factory = MemoryTempDirFactory.class)
    Path tmp;

    static Stream<TreeDeleter> deleters() {
        return Deleters.all();
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void clearsATree5000LevelsDeep(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        TreeFixtures.deepChain(root, 5000);

        DeletionReport dry = deleter.clearContents(root, DeletionRequest.dryRunOnly());
        DeletionReport real = deleter.clearContents(root, DeletionRequest.real());

        assertThat(real.errors()).isEmpty();
        assertThat(root).isEmptyDirectory();
        assertThat(real.freed().dirs()).isEqualTo(5000);
        assertThat(real.freed().files()).isEqualTo(1);
        assertThat(dry.entries()).isEqualTo(real.entries());
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void keepsAProtectedFileAtTheBottomOfADeepTree(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        TreeFixtures.deepChain(root, 500);
        String bottom = "d/".repeat(500) + "bottom.txt";
        Files.writeString(root.resolve("d/".repeat(500) + "other.txt"), "other");

        DeletionReport report = deleter.clearContents(root,
                DeletionRequest.real().withProtectedPaths(java.util.Set.of(bottom)));

        assertThat(report.errors()).isEmpty();
        assertThat(report.kept()).extracting(KeptEntry::relativePath).containsExactly(bottom);
        assertThat(report.freed().files()).isEqualTo(1);
        assertThat(report.freed().dirs()).isZero();
        assertThat(report.entries()).singleElement().satisfies(e -> assertThat(e.removed()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void toleratesEntriesThatVanishWhileItWorks(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path unit = Files.createDirectory(root.resolve("unit"));
        for (String sub : List.of("a", "b", "c")) {
            Path dir = Files.createDirectories(unit.resolve(sub + "/inner"));
            for (int i = 0; i < 10; i++) {
                Files.writeString(dir.resolve("f" + i), "x");
            }
        }
        AtomicReference<String> first = new AtomicReference<>();
        // The first entry the deleter looks at below "unit" makes every other one vanish, like a concurrent rm.
        KeepRule vanisher = c -> {
            if (c.relativePath().startsWith("unit/") && first.compareAndSet(null, c.relativePath())) {
                String survivor = c.relativePath().split("/")[1];
                for (String sub : List.of("a", "b", "c")) {
                    if (!sub.equals(survivor)) {
                        deleteTree(unit.resolve(sub));
                    }
                }
            }
            return Optional.empty();
        };

        DeletionReport report = deleter.clearContents(root, DeletionRequest.real().withKeepRule(vanisher));

        assertThat(report.errors()).isEmpty();
        assertThat(root).isEmptyDirectory();
        assertThat(report.freed().files()).isEqualTo(10);
        assertThat(report.freed().dirs()).isEqualTo(3);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
