package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.scan.GnuTools;
import dev.cachectl.core.scan.TreeFixtures;
import dev.cachectl.core.scan.TreeScanner;
import dev.cachectl.core.scan.TreeUsage;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TreeDeleterTest {

    @TempDir
    Path tmp;

    static Stream<TreeDeleter> deleters() {
        return Deleters.all();
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void clearsEverythingInsideTheRootAndNothingOutsideIt(TreeDeleter deleter) throws IOException {
        Path root = tmp.resolve("cache");
        Path outside = tmp.resolve("outside");
        TreeFixtures.rich(root, outside);
        TreeUsage before = TreeScanner.nio().scan(root);
        long outsideBefore = TreeScanner.nio().scan(outside).apparentBytes();

        DeletionReport report = deleter.clearContents(root, DeletionRequest.real());

        assertThat(report.errors()).isEmpty();
        assertThat(report.kept()).isEmpty();
        assertThat(root).isEmptyDirectory();
        assertThat(outside.resolve("precious.bin")).hasSize(1 << 20);
        assertThat(TreeScanner.nio().scan(outside).apparentBytes()).isEqualTo(outsideBefore);
        assertThat(report.entries()).allMatch(DeletedEntry::removed).extracting(DeletedEntry::relativePath).isSorted();
        TreeUsage freed = report.freed();
        assertThat(freed.files()).isEqualTo(before.files());
        assertThat(freed.symlinks()).isEqualTo(before.symlinks());
        assertThat(freed.others()).isEqualTo(before.others());
        assertThat(freed.dirs()).isEqualTo(before.dirs() - 1);
        if (deleter.implementation().exactDiskBytes()) {
            // du semantics: hard-linked files once, the kept root's own size not freed
            assertThat(freed.apparentBytes()).isEqualTo(before.apparentBytes() - Files.size(root));
        }
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void freesWhatDuMeasuredWhenNoHardLinksAreInvolved(TreeDeleter deleter) throws IOException {
        assumeTrue(GnuTools.available(), "GNU du not installed");
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.write(Files.createDirectories(root.resolve("x/y")).resolve("f"), new byte[123_456]);
        Files.createSymbolicLink(root.resolve("x/link"), Path.of("y/f"));
        long du = GnuTools.asCurrentUser().apparentBytes(root);

        DeletionReport report = deleter.deleteEntries(root.getParent(), List.of("cache"), DeletionRequest.real());

        assertThat(report.freed().apparentBytes()).isEqualTo(du);
        assertThat(root).doesNotExist();
        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.relativePath()).isEqualTo("cache");
            assertThat(e.kind()).isEqualTo(EntryKind.DIRECTORY);
            assertThat(e.removed()).isTrue();
        });
    }

    @org.junit.jupiter.api.Test
    void countsAHardLinkedFileOnceInTheFirstEntryThatHasIt() throws IOException {
        TreeDeleter deleter = TreeDeleter.linuxNative().orElse(null);
        assumeTrue(deleter != null, "link counts need the native deleter");
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path file = Files.write(Files.createDirectory(root.resolve("b")).resolve("blob"), new byte[300_000]);
        Files.createLink(Files.createDirectory(root.resolve("a")).resolve("link"), file);
        Files.createLink(root.resolve("b/second"), file);
        long dirA = Files.size(root.resolve("a"));
        long dirB = Files.size(root.resolve("b"));

        DeletionReport dry = deleter.clearContents(root, DeletionRequest.dryRunOnly());
        DeletionReport real = deleter.clearContents(root, DeletionRequest.real());

        assertThat(real.entries()).extracting(e -> e.freed().apparentBytes()).containsExactly(dirA + 300_000, dirB);
        assertThat(real.entries()).extracting(e -> e.freed().files()).containsExactly(1L, 2L);
        assertThat(dry.entries()).isEqualTo(real.entries());
        assertThat(root).isEmptyDirectory();
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void removesASymlinkToAnOutsideFolderAsALink(TreeDeleter deleter) throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep-me"), "precious");
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.createSymbolicLink(root.resolve("to-outside"), outside);
        Files.createSymbolicLink(Files.createDirectory(root.resolve("sub")).resolve("also"), outside.resolve("keep-me"));

        DeletionReport report = deleter.clearContents(root, DeletionRequest.real());

        assertThat(report.errors()).isEmpty();
        assertThat(root).isEmptyDirectory();
        assertThat(outside.resolve("keep-me")).hasContent("precious");
        assertThat(report.freed().symlinks()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void keepsProtectedPathsAndTheDirectoriesLeadingToThem(TreeDeleter deleter) throws IOException {
        Path root = tmp.resolve("cache");
        TreeFixtures.rich(root, tmp.resolve("outside"));
        Files.writeString(root.resolve("token"), "hf_secret");
        DeletionRequest request = DeletionRequest.real()
                .withProtectedPaths(Set.of("token", "a/size-1", "c/d", "no/such/path"));

        DeletionReport report = deleter.clearContents(root, request);

        assertThat(report.errors()).isEmpty();
        assertThat(report.kept()).containsExactly(
                new KeptEntry("a/size-1", EntryKind.FILE, "protected"),
                new KeptEntry("c/d", EntryKind.DIRECTORY, "protected"),
                new KeptEntry("token", EntryKind.FILE, "protected"));
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.map(p -> root.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("", "token", "a", "a/size-1", "c", "c/d", "c/d/e",
                            "c/d/e/big-link-elsewhere", "c/d/e/long-link");
        }
        assertThat(root.resolve("token")).hasContent("hf_secret");
        assertThat(report.entries()).filteredOn(e -> !e.removed()).extracting(DeletedEntry::relativePath)
                .containsExactly("a", "c");
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void keepsWhatAKeepRuleHoldsAndSaysWhy(TreeDeleter deleter) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path blobs = Files.createDirectories(root.resolve("models--org--m/blobs"));
        Files.writeString(blobs.resolve("abc"), "done");
        Files.writeString(blobs.resolve("def.incomplete"), "partial");
        KeepRule partials = c -> c.name().endsWith(".incomplete")
                ? Optional.of("recent partial download") : Optional.empty();

        DeletionReport report = deleter.clearContents(root, DeletionRequest.real().withKeepRule(partials));

        assertThat(report.kept()).containsExactly(new KeptEntry("models--org--m/blobs/def.incomplete", EntryKind.FILE,
                "recent partial download"));
        assertThat(blobs.resolve("abc")).doesNotExist();
        assertThat(blobs.resolve("def.incomplete")).exists();
        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.removed()).isFalse();
            assertThat(e.freed().files()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void aDryRunChangesNothingAndReportsExactlyWhatTheRealRunDoes(TreeDeleter deleter) throws IOException {
        Path root = tmp.resolve("cache");
        TreeFixtures.rich(root, tmp.resolve("outside"));
        DeletionRequest request = DeletionRequest.real().withProtectedPaths(Set.of("a/big", "many/f7.json"))
                .withKeepRule(c -> c.relativePath().startsWith("deep/level0/level1/")
                        ? Optional.of("rule") : Optional.empty());
        TreeUsage before = TreeScanner.nio().scan(root);

        DeletionReport dry = deleter.clearContents(root, request.withDryRun(true));
        assertThat(TreeScanner.nio().scan(root)).isEqualTo(before);
        DeletionReport real = deleter.clearContents(root, request);

        assertThat(dry.dryRun()).isTrue();
        assertThat(real.dryRun()).isFalse();
        assertThat(dry.entries()).isEqualTo(real.entries());
        assertThat(dry.kept()).isEqualTo(real.kept()).hasSize(3);
        assertThat(dry.errors()).isEqualTo(real.errors()).isEmpty();
        assertThat(dry.freed()).isEqualTo(real.freed());
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void deletesSingleEntriesWithoutLeavingTheRoot(TreeDeleter deleter) throws IOException {
        Path root = tmp.resolve("cache");
        TreeFixtures.rich(root, tmp.resolve("outside"));

        DeletionReport report = deleter.deleteEntries(root,
                List.of("a/big", "c/d", "link-to-dir/size-0", "missing/entry", "link-outside"), DeletionRequest.real());

        assertThat(root.resolve("a/big")).doesNotExist();
        assertThat(root.resolve("a/big-link")).exists();
        assertThat(root.resolve("c/d")).doesNotExist();
        assertThat(root.resolve("c")).isDirectory();
        assertThat(root.resolve("a/size-0")).exists();
        assertThat(root.resolve("link-outside")).doesNotExist();
        assertThat(tmp.resolve("outside/precious.bin")).exists();
        assertThat(report.entries()).extracting(DeletedEntry::relativePath)
                .containsExactly("a/big", "c/d", "link-outside");
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.relativePath()).isEqualTo("link-to-dir/size-0");
            assertThat(e.message()).contains("symbolic link");
        });
        assertThatThrownBy(() -> deleter.deleteEntries(root, List.of("../outside"), DeletionRequest.real()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deleter.deleteEntries(root, List.of("/etc"), DeletionRequest.real()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("deleters")
    void refusesARootThatIsASymlink(TreeDeleter deleter) throws IOException {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.writeString(target.resolve("f"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);

        assertThatThrownBy(() -> deleter.clearContents(link, DeletionRequest.real()))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("symbolic link");
        assertThat(target.resolve("f")).exists();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
