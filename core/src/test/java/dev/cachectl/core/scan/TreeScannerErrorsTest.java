package dev.cachectl.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TreeScannerErrorsTest {

    @TempDir
    Path tmp;

    static java.util.stream.Stream<TreeScanner> scanners() {
        return Scanners.all();
    }

    /**
     * Root reads everything, so the unreadable directory is read by a child JVM running as nobody, compared with
     * du running as nobody: the directory's own size counts, its content is an error, the rest is measured.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "native"})
    void reportsAnUnreadableDirectoryAndMeasuresTheRest(String implementation) throws IOException {
        assumeTrue(GnuTools.available() && GnuTools.canDropToNobody(), "needs root, setpriv and GNU du");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectory(tmp.resolve("tree"));
        Files.write(root.resolve("readable"), new byte[10_000]);
        Path locked = Files.createDirectories(root.resolve("locked/inner"));
        Files.write(locked.resolve("secret"), new byte[70_000]);
        Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
        GnuTools nobody = GnuTools.asNobody();

        ChildJvm.Result result = ChildJvm.run(true, ScanProbeMain.class, implementation, root.toString());

        assumeTrue(result.exitCode() != 3, "native scanner not available in a child JVM");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.stdout().lines().toList();
        String[] figures = lines.getFirst().split(" ");
        assertThat(Long.parseLong(figures[0])).isEqualTo(nobody.apparentBytes(root));
        if (implementation.equals("native")) {
            assertThat(Long.parseLong(figures[1])).isEqualTo(nobody.diskBytes(root));
        }
        assertThat(figures[2]).isEqualTo("1");
        assertThat(figures[3]).isEqualTo("2");
        assertThat(figures[4]).isEqualTo("1");
        assertThat(lines.get(1)).isEqualTo(root.resolve("locked") + "\tcannot read directory: Permission denied");
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void toleratesEntriesVanishingDuringTheWalk(TreeScanner scanner) throws Exception {
        Path root = Files.createDirectory(tmp.resolve("tree"));
        Path stable = Files.createDirectory(root.resolve("stable"));
        for (int i = 0; i < 500; i++) {
            Files.writeString(stable.resolve("f" + i), "x");
        }
        Path churn = Files.createDirectory(root.resolve("churn"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread churner = Thread.ofPlatform().start(() -> churn(churn, stop));
        try {
            for (int round = 0; round < 30; round++) {
                TreeUsage usage = scanner.scan(root);
                assertThat(usage.errors()).as("round %d", round).isEmpty();
                assertThat(usage.files()).isGreaterThanOrEqualTo(500);
                assertThat(usage.dirs()).isGreaterThanOrEqualTo(3);
            }
        } finally {
            stop.set(true);
            churner.join();
        }
    }

    @Test
    void theSameEngineMeasuresTheSameOnEveryRun() throws IOException {
        Path root = tmp.resolve("tree");
        TreeFixtures.rich(root, tmp.resolve("outside"));
        TreeScanner scanner = TreeScanner.create();

        assertThat(scanner.scanEntries(root)).isEqualTo(scanner.scanEntries(root));
    }

    private static void churn(Path churn, AtomicBoolean stop) {
        int i = 0;
        while (!stop.get()) {
            Path dir = churn.resolve("d" + (i++ % 20));
            try {
                if (Files.exists(dir)) {
                    try (var files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                } else {
                    Files.createDirectory(dir);
                    for (int j = 0; j < 20; j++) {
                        Files.writeString(dir.resolve("f" + j), "y");
                    }
                }
            } catch (IOException raced) {
                // the walker and this thread race by design
            }
        }
    }
}
