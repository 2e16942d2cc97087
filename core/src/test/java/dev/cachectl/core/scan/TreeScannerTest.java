package dev.cachectl.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.api.EntryKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TreeScannerTest {

    @TempDir
    Path tmp;

    static java.util.stream.Stream<TreeScanner> scanners() {
        return Scanners.all();
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void equalsGnuDuAndFindOnATreeWithEveryKindOfEntry(TreeScanner scanner) throws IOException {
        assumeTrue(GnuTools.available(), "GNU du/find not installed: nothing to compare with");
        Path root = tmp.resolve("tree");
        TreeFixtures.rich(root, tmp.resolve("outside"));
        TreeFixtures.sh("touch \"$1/bad-$(printf '\\377')-name\"", root);
        GnuTools gnu = GnuTools.asCurrentUser();

        TreeUsage usage = scanner.scan(root);

        assertThat(usage.errors()).isEmpty();
        assertThat(usage.apparentBytes()).isEqualTo(gnu.apparentBytes(root));
        if (scanner.implementation().exactDiskBytes()) {
            assertThat(usage.diskBytes()).isEqualTo(gnu.diskBytes(root));
        }
        assertThat(usage.files()).isEqualTo(gnu.count(root, 'f'));
        assertThat(usage.dirs()).isEqualTo(gnu.count(root, 'd'));
        assertThat(usage.symlinks()).isEqualTo(gnu.count(root, 'l'));
        assertThat(usage.others()).isEqualTo(gnu.count(root, 's')).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void countsAHardLinkedFileOnceAndEachOfItsNames(TreeScanner scanner) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("links"));
        Path file = Files.write(dir.resolve("one"), new byte[100_000]);
        Files.createLink(dir.resolve("two"), file);
        Files.createLink(Files.createDirectory(dir.resolve("sub")).resolve("three"), file);
        long dirSizes = Files.size(dir) + Files.size(dir.resolve("sub"));

        TreeUsage usage = scanner.scan(dir);

        assertThat(usage.apparentBytes()).isEqualTo(dirSizes + 100_000);
        assertThat(usage.files()).isEqualTo(3);
        assertThat(usage.dirs()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void neverFollowsSymlinksBelowTheRootButResolvesTheRoot(TreeScanner scanner) throws IOException {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.write(target.resolve("data"), new byte[50_000]);
        Path root = Files.createDirectory(tmp.resolve("root"));
        Files.createSymbolicLink(root.resolve("to-target"), target);
        Path rootLink = Files.createSymbolicLink(tmp.resolve("root-link"), target);

        TreeUsage viaRoot = scanner.scan(root);
        TreeUsage viaLink = scanner.scan(rootLink);

        assertThat(viaRoot.apparentBytes()).isEqualTo(Files.size(root) + target.toString().length());
        assertThat(viaRoot.symlinks()).isEqualTo(1);
        assertThat(viaRoot.files()).isZero();
        assertThat(viaLink).isEqualTo(scanner.scan(target));
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void measuresASingleFileAndRejectsAMissingRoot(TreeScanner scanner) throws IOException {
        Path file = Files.write(tmp.resolve("file"), new byte[1234]);

        TreeUsage usage = scanner.scan(file);

        assertThat(usage.apparentBytes()).isEqualTo(1234);
        assertThat(usage.files()).isEqualTo(1);
        assertThat(usage.dirs()).isZero();
        assertThat(usage.newestMtimeMillis()).isEqualTo(Files.getLastModifiedTime(file).toMillis());
        assertThatThrownBy(() -> scanner.scan(tmp.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> scanner.scanEntries(file)).isInstanceOf(NotDirectoryException.class);
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void measuresEachEntrySeparatelyAddingUpToTheWhole(TreeScanner scanner) throws IOException {
        Path root = tmp.resolve("tree");
        TreeFixtures.rich(root, tmp.resolve("outside"));
        TreeUsage whole = scanner.scan(root);

        DirectoryUsage listing = scanner.scanEntries(root);

        assertThat(listing.total()).isEqualTo(whole);
        assertThat(listing.entries()).extracting(EntryUsage::name).isSorted()
                .contains("a", "c", "many", "sparse.img", "link-outside");
        TreeUsage sum = listing.entries().stream().map(EntryUsage::usage).reduce(TreeUsage.EMPTY, TreeUsage::plus);
        assertThat(sum.apparentBytes() + Files.size(root)).isEqualTo(whole.apparentBytes());
        assertThat(sum.files()).isEqualTo(whole.files());
        assertThat(sum.dirs() + 1).isEqualTo(whole.dirs());
        EntryUsage a = entry(listing, "a");
        EntryUsage c = entry(listing, "c");
        assertThat(a.kind()).isEqualTo(EntryKind.DIRECTORY);
        // a/big has names in a and c: its bytes count in "a", the first by name, every time
        assertThat(a.usage().apparentBytes()).isEqualTo(scanner.scan(root.resolve("a")).apparentBytes());
        assertThat(c.usage().apparentBytes()).isLessThan(scanner.scan(root.resolve("c")).apparentBytes());
        assertThat(entry(listing, "link-outside").kind()).isEqualTo(EntryKind.SYMLINK);
        assertThat(scanner.scanEntries(root)).isEqualTo(listing);
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void reportsProgressAndAFinalReport(TreeScanner scanner) throws IOException {
        Path root = tmp.resolve("tree");
        TreeFixtures.rich(root, tmp.resolve("outside"));
        List<WalkProgress> reports = new CopyOnWriteArrayList<>();

        TreeUsage usage = scanner.scan(root, ScanOptions.DEFAULTS.withProgress(reports::add));

        assertThat(reports).isNotEmpty();
        WalkProgress last = reports.getLast();
        assertThat(last.finished()).isTrue();
        assertThat(last.entries()).isEqualTo(usage.entries());
        assertThat(reports).extracting(WalkProgress::entries).isSorted();
    }

    @ParameterizedTest
    @MethodSource("scanners")
    void givesTheSameFiguresWithOneThreadOrMany(TreeScanner scanner) throws IOException {
        Path root = tmp.resolve("tree");
        TreeFixtures.rich(root, tmp.resolve("outside"));

        assertThat(scanner.scan(root, ScanOptions.DEFAULTS.withParallelism(1)))
                .isEqualTo(scanner.scan(root, ScanOptions.DEFAULTS.withParallelism(8)));
    }

    private static EntryUsage entry(DirectoryUsage listing, String name) {
        return listing.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
