package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A clear spreads the subfolders of a large folder over its threads (see {@link ExpandedDirectory}) and reports
 * exactly what a deletion on one thread, which expands nothing, reports.
 */
class TreeDeleterExpansionTest {

    private static final int SUBFOLDERS = 24;
    private static final int FILES_PER_SUBFOLDER = 20 + 5;

    @TempDir
    Path tmp;

    static Stream<TreeDeleter> deleters() {
        return Deleters.all();
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void clearsALargeFolderCompletelyAndReportsWhatOneThreadWould(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        bigFolder(root);

        DeletionReport oneThread = deleter.clearContents(root, request(true, 1));
        DeletionReport dry = deleter.clearContents(root, request(true, 4));
        DeletionReport real = deleter.clearContents(root, request(false, 4));

        assertThat(root).isEmptyDirectory();
        assertThat(real.errors()).isEmpty();
        assertThat(real.kept()).isEmpty();
        assertThat(real.entries()).extracting(DeletedEntry::relativePath).containsExactly("big", "small");
        assertThat(real.entries()).allMatch(DeletedEntry::removed);
        assertThat(real.entries().getFirst().freed().files()).isEqualTo(SUBFOLDERS * FILES_PER_SUBFOLDER + 10);
        assertThat(real.entries().getFirst().freed().dirs()).isEqualTo(1 + 2 * SUBFOLDERS);
        assertThat(dry.entries()).isEqualTo(real.entries()).isEqualTo(oneThread.entries());
        assertThat(dry.freed()).isEqualTo(real.freed()).isEqualTo(oneThread.freed());
    }

    /** Two subfolders of the one folder wait for each other: only threads working side by side get past. */
    @ParameterizedTest
    @MethodSource("deleters")
    void emptiesTheSubfoldersOfOneFolderSideBySide(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        bigFolder(root);
        CyclicBarrier meeting = new CyclicBarrier(2);
        AtomicBoolean met = new AtomicBoolean(true);
        Set<String> waited = ConcurrentHashMap.newKeySet();
        KeepRule meetInside = c -> {
            String path = c.relativePath();
            String side = path.startsWith("big/s00/") ? "s00" : path.startsWith("big/s01/") ? "s01" : null;
            if (side != null && waited.add(side)) {
                try {
                    meeting.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    met.set(false);
                }
            }
            return Optional.empty();
        };

        DeletionReport report = deleter.clearContents(root, request(false, 4).withKeepRule(meetInside));

        assertThat(met).as("s00 and s01 were emptied at the same time").isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(root).isEmptyDirectory();
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void keepsAProtectedFileDeepInsideAFolderWhichIsThenNotExpanded(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path big = bigFolder(root);
        Files.writeString(big.resolve("s05/n/token"), "hf_secret");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        KeepRule recordThread = c -> {
            if (c.relativePath().startsWith("big/")) {
                threads.add(Thread.currentThread().getName());
            }
            return Optional.empty();
        };
        DeletionRequest protect = request(false, 4).withProtectedPaths(Set.of("big/s05/n/token"))
                .withKeepRule(recordThread);

        DeletionReport oneThread = deleter.clearContents(root, protect.withDryRun(true)
                .withOptions(ScanOptions.DEFAULTS.withParallelism(1)));
        threads.clear();
        DeletionReport real = deleter.clearContents(root, protect);

        assertThat(threads).as("one thread deleted the whole folder").hasSize(1);
        assertThat(real.kept()).containsExactly(new KeptEntry("big/s05/n/token", EntryKind.FILE, "protected"));
        assertThat(real.errors()).isEmpty();
        assertThat(big.resolve("s05/n/token")).hasContent("hf_secret");
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.map(p -> root.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("", "big", "big/s05", "big/s05/n", "big/s05/n/token");
        }
        assertThat(real.entries()).extracting(DeletedEntry::removed).containsExactly(false, true);
        assertThat(real.entries()).isEqualTo(oneThread.entries());
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void keepsWhatAKeepRuleHoldsInsideAnExpandedFolderAndAHeldFolderWhole(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path big = bigFolder(root);
        Path held = Files.createDirectories(root.resolve("held/sub"));
        Files.writeString(held.resolve("f"), "in use");
        Set<String> asked = ConcurrentHashMap.newKeySet();
        KeepRule inUse = c -> {
            asked.add(c.relativePath());
            return c.relativePath().equals("big/s03/n") || c.relativePath().equals("held")
                    ? Optional.of("in use") : Optional.empty();
        };
        DeletionRequest request = request(false, 4).withKeepRule(inUse);

        DeletionReport oneThread = deleter.clearContents(root, request.withDryRun(true)
                .withOptions(ScanOptions.DEFAULTS.withParallelism(1)));
        DeletionReport dry = deleter.clearContents(root, request.withDryRun(true));
        asked.clear();
        DeletionReport real = deleter.clearContents(root, request);

        assertThat(real.kept()).containsExactly(
                new KeptEntry("big/s03/n", EntryKind.DIRECTORY, "in use"),
                new KeptEntry("held", EntryKind.DIRECTORY, "in use"));
        assertThat(real.errors()).isEmpty();
        assertThat(asked).as("nothing inside a held folder is looked at").noneMatch(p -> p.startsWith("held/"));
        // big, small, held, small/f, big's 10 files and subfolders, their 20 files and n, n's 5 files but in s03
        assertThat(asked).as("each entry is asked about once")
                .hasSize(3 + 1 + 10 + SUBFOLDERS * (1 + 20 + 1) + (SUBFOLDERS - 1) * 5);
        assertThat(held.resolve("f")).hasContent("in use");
        try (Stream<Path> left = Files.list(big.resolve("s03/n"))) {
            assertThat(left).hasSize(5);
        }
        try (Stream<Path> left = Files.walk(big)) {
            assertThat(left).hasSize(3 + 5);
        }
        assertThat(real.entries()).extracting(DeletedEntry::relativePath, DeletedEntry::removed)
                .containsExactly(tuple("big", false),
                        tuple("small", true));
        assertThat(real.entries().getFirst().freed().files()).isEqualTo(SUBFOLDERS * FILES_PER_SUBFOLDER + 10 - 5);
        assertThat(real.entries()).isEqualTo(dry.entries()).isEqualTo(oneThread.entries());
        assertThat(real.kept()).isEqualTo(dry.kept()).isEqualTo(oneThread.kept());
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void removesASymlinkEntryAsALinkAndLeavesWhatItPointsTo(TreeDeleter deleter) throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        bigFolder(outside);
        long outsideEntries;
        try (Stream<Path> all = Files.walk(outside)) {
            outsideEntries = all.count();
        }
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path big = bigFolder(root);
        Files.createSymbolicLink(root.resolve("link-to-big"), outside.resolve("big"));
        Files.createSymbolicLink(big.resolve("s07/escape"), outside.resolve("big"));

        DeletionReport report = deleter.clearContents(root, request(false, 4));

        assertThat(report.errors()).isEmpty();
        assertThat(root).isEmptyDirectory();
        assertThat(Files.exists(root.resolve("link-to-big"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        try (Stream<Path> all = Files.walk(outside)) {
            assertThat(all.count()).isEqualTo(outsideEntries);
        }
        assertThat(report.entries()).filteredOn(e -> e.relativePath().equals("link-to-big")).singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(EntryKind.SYMLINK);
                    assertThat(e.freed().symlinks()).isEqualTo(1);
                    assertThat(e.freed().files()).isZero();
                });
        assertThat(report.entries().getFirst().freed().symlinks()).isEqualTo(1);
    }

    /** As an ordinary user (root may change anything): a subfolder that may not be changed keeps its files. */
    @ParameterizedTest
    @MethodSource("deleters")
    void reportsErrorsInsideSubfoldersWithTheirPaths(TreeDeleter deleter) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may remove anything; see the privilege test");
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path big = bigFolder(root);
        Path locked = big.resolve("s04/n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            DeletionReport report = deleter.clearContents(root, request(false, 4));

            assertThat(report.errors()).extracting(DeletionError::relativePath)
                    .containsExactly("big/s04/n/g0", "big/s04/n/g1", "big/s04/n/g2", "big/s04/n/g3", "big/s04/n/g4");
            assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).startsWith("cannot remove: "));
            assertThat(report.entries().getFirst().removed()).isFalse();
            try (Stream<Path> left = Files.walk(big)) {
                assertThat(left).hasSize(3 + 5);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * {@code root/big}: {@value #SUBFOLDERS} subfolders of 20 files and a folder {@code n} of 5, and 10 files
     * directly inside; {@code root/small} with one file. Returns {@code root/big}.
     */
    static Path bigFolder(Path root) throws IOException {
        Path big = Files.createDirectories(root.resolve("big"));
        for (int s = 0; s < SUBFOLDERS; s++) {
            Path sub = Files.createDirectory(big.resolve(String.format(Locale.ROOT, "s%02d", s)));
            for (int f = 0; f < 20; f++) {
                Files.writeString(sub.resolve("f" + f + ".json"), "x".repeat(f * 100));
            }
            Path nested = Files.createDirectory(sub.resolve("n"));
            for (int f = 0; f < 5; f++) {
                Files.writeString(nested.resolve("g" + f), "y");
            }
        }
        for (int f = 0; f < 10; f++) {
            Files.writeString(big.resolve("direct-" + f), "z");
        }
        Files.writeString(Files.createDirectories(root.resolve("small")).resolve("f"), "s");
        return big;
    }

    private static DeletionRequest request(boolean dryRun, int threads) {
        return new DeletionRequest(dryRun, Set.of(), List.of(), ScanOptions.DEFAULTS.withParallelism(threads));
    }
}
