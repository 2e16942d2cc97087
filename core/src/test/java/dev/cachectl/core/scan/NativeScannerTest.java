package dev.cachectl.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.core.delete.DeletionRequest;
import dev.cachectl.core.delete.TreeDeleter;
import dev.cachectl.core.fs.linux.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeScannerTest {

    @TempDir(factory = MemoryTempDirFactory.class)
    Path tmp;

    @Test
    void theTestJvmGrantsNativeAccessSoLinuxUsesTheFastScanner() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        assumeTrue(System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "the fast scanner exists on Linux x86-64 and AArch64 only");

        assertThat(TreeScanner.create().implementation())
                .as("unavailable because: %s", Libc.UNAVAILABLE_REASON.orElse("-"))
                .isEqualTo(ScanImplementation.LINUX_NATIVE);
    }

    @Test
    void agreesWithNioOnEverythingButTheEstimatedAllocatedBytes() throws IOException {
        TreeScanner fast = TreeScanner.linuxNative().orElse(null);
        assumeTrue(fast != null, "no native scanner here");
        Path root = tmp.resolve("tree");
        TreeFixtures.rich(root, tmp.resolve("outside"));

        TreeUsage nativeUsage = fast.scan(root);
        TreeUsage nioUsage = TreeScanner.nio().scan(root);

        assertThat(nativeUsage).usingRecursiveComparison().ignoringFields("diskBytes").isEqualTo(nioUsage);
        assertThat(fast.scanEntries(root).entries()).extracting(EntryUsage::name, EntryUsage::kind)
                .containsExactlyElementsOf(TreeScanner.nio().scanEntries(root).entries().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.name(), e.kind())).toList());
    }

    /** A JVM allowed 512 descriptors walks 5000 levels: the walk holds a bounded number, not one per level. */
    @Test
    void staysWithinFewDescriptorsOnATree5000LevelsDeep() throws IOException {
        assumeTrue(TreeScanner.linuxNative().isPresent(), "no native scanner here");
        Path root = Files.createDirectory(tmp.resolve("deep"));
        TreeFixtures.deepChain(root, 5000);
        Path level = root;
        for (int i = 0; i < 300; i++) {
            Files.createDirectory(level.resolve("side"));
            level = level.resolve("d");
        }

        ChildJvm.Result result = ChildJvm.run(ChildJvm.FEW_DESCRIPTORS, ScanProbeMain.class, "native", root.toString());
        assertThat(TreeDeleter.create().clearContents(root, DeletionRequest.real()).errors()).isEmpty();

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines().toList()).hasSize(1);
        assertThat(result.stdout().trim().split(" ")).endsWith("1", "5301", "0");
    }

    @Test
    void measuresATree5000LevelsDeepLikeDu() throws IOException {
        TreeScanner fast = TreeScanner.linuxNative().orElse(null);
        assumeTrue(fast != null && GnuTools.available(), "needs the native scanner and GNU du");
        Path root = Files.createDirectory(tmp.resolve("deep"));
        TreeFixtures.deepChain(root, 5000);
        // siblings at every level of the first 200 keep directories open below the descriptor budget's reach
        Path level = root;
        for (int i = 0; i < 200; i++) {
            Files.writeString(Files.createDirectory(level.resolve("side")).resolve("f"), "x");
            level = level.resolve("d");
        }
        GnuTools gnu = GnuTools.asCurrentUser();

        TreeUsage usage = fast.scan(root);
        long duDisk = gnu.diskBytes(root);
        long duApparent = gnu.apparentBytes(root);
        // JUnit's own clean-up cannot remove paths longer than PATH_MAX
        assertThat(TreeDeleter.create().clearContents(root, DeletionRequest.real()).errors()).isEmpty();

        assertThat(usage.errors()).isEmpty();
        assertThat(usage.dirs()).isEqualTo(5201);
        assertThat(usage.files()).isEqualTo(201);
        assertThat(usage.diskBytes()).isEqualTo(duDisk);
        assertThat(usage.apparentBytes()).isEqualTo(duApparent);
    }
}
