package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deletion racing another deleter on the same tree (a second clear, an {@code rm -rf}): entries and whole
 * directories vanish under it, and that is success. The report has no errors, whoever removed what.
 */
class ConcurrentDeletionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"nio", "native"})
    void entriesVanishingUnderTheDeletionAreNoErrors(String implementation) throws Exception {
        TreeDeleter deleter = implementation.equals("nio") ? TreeDeleter.nio()
                : TreeDeleter.linuxNative().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(deleter != null, "native deleter not available");
        for (int round = 0; round < 6; round++) {
            Path root = Files.createDirectories(tmp.resolve("cache" + round));
            for (int d = 0; d < 20; d++) {
                Path dir = Files.createDirectories(root.resolve("d" + d + "/sub/deeper"));
                for (int f = 0; f < 30; f++) {
                    Files.writeString(dir.resolve("f" + f), "x");
                    Files.writeString(dir.getParent().resolve("g" + f), "y");
                }
            }
            AtomicReference<Throwable> rival = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    removeContentsLikeRm(root);
                } catch (Throwable t) {
                    rival.set(t);
                }
            });
            other.start();
            DeletionReport report = deleter.clearContents(root, DeletionRequest.real());
            other.join();

            assertThat(report.errors()).as("round %d", round).isEmpty();
            try (Stream<Path> left = Files.list(root)) {
                assertThat(left).as("round %d", round).isEmpty();
            }
        }
    }

    /** Deletes everything below {@code root}, deepest first, ignoring what the other deleter took first. */
    private static void removeContentsLikeRm(Path root) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).forEach(all::add);
        } catch (java.io.UncheckedIOException vanished) {
            // the other deleter is faster here: take what was listed
        }
        all.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
                // entries the other deleter is still working on, or has already removed
            }
        }
    }
}
