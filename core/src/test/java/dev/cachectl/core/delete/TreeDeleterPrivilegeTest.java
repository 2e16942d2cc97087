package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.core.scan.ChildJvm;
import dev.cachectl.core.scan.GnuTools;
import dev.cachectl.core.scan.MemoryTempDirFactory;
import dev.cachectl.core.scan.TreeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deletions that need another user or another mount namespace, run in a child JVM. */
class TreeDeleterPrivilegeTest {

    @TempDir
    Path tmp;

    @TempDir(factory = MemoryTempDirFactory.class)
    Path memoryTmp;

    /** As nobody: a folder nobody may not change keeps its files (each reported); the rest is deleted. */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "native"})
    void reportsWhatItMayNotRemoveAndRemovesTheRest(String implementation) throws IOException {
        UserPrincipal nobody = nobodyMayEnterTmp();
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path mine = Files.createDirectory(root.resolve("mine"));
        Files.writeString(mine.resolve("a"), "a");
        Path theirs = Files.createDirectory(root.resolve("theirs"));
        Files.writeString(theirs.resolve("b"), "b");
        Files.writeString(theirs.resolve("c"), "c");
        for (Path p : List.of(root, mine, mine.resolve("a"))) {
            Files.setOwner(p, nobody);
        }

        assertThat(clearAsNobody(implementation, root)).containsExactly(
                "FREED 1 1",
                "ERROR theirs/b\tcannot remove: Permission denied",
                "ERROR theirs/c\tcannot remove: Permission denied");
        assertThat(mine).doesNotExist();
        assertThat(theirs.resolve("b")).exists();
    }

    /**
     * As nobody: a subfolder nobody may not change, inside a folder whose subfolders are emptied side by side,
     * keeps its files, each reported with its path; the rest is deleted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "native"})
    void reportsErrorsInsideAnExpandedFolderWithTheirPaths(String implementation) throws IOException {
        UserPrincipal nobody = nobodyMayEnterTmp();
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path big = Files.createDirectory(root.resolve("big"));
        List<Path> theirs = new ArrayList<>(List.of(root, big));
        for (int i = 0; i < 6; i++) {
            Path sub = Files.createDirectory(big.resolve("s" + i));
            if (i == 4) {
                Files.writeString(sub.resolve("b"), "b");
                Files.writeString(sub.resolve("c"), "c");
            } else {
                theirs.add(sub);
                theirs.add(Files.writeString(sub.resolve("a"), "a"));
            }
        }
        for (Path p : theirs) {
            Files.setOwner(p, nobody);
        }

        assertThat(clearAsNobody(implementation, root)).containsExactly(
                "FREED 5 5",
                "ERROR big/s4/b\tcannot remove: Permission denied",
                "ERROR big/s4/c\tcannot remove: Permission denied");
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.map(p -> root.relativize(p).toString()))
                    .containsExactlyInAnyOrder("", "big", "big/s4", "big/s4/b", "big/s4/c");
        }
    }

    /**
     * As nobody, like {@code rm -rf}: an empty folder without any permission (mode 000) cannot be opened but is
     * removed; one that holds files is reported and kept.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "native"})
    void removesAnEmptyFolderItCannotOpen(String implementation) throws IOException {
        UserPrincipal nobody = nobodyMayEnterTmp();
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Path empty = Files.createDirectory(root.resolve("empty000"));
        Path full = Files.createDirectory(root.resolve("full000"));
        Files.writeString(full.resolve("f"), "f");
        for (Path p : List.of(root, empty, full, full.resolve("f"))) {
            Files.setOwner(p, nobody);
        }
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("---------"));

        assertThat(clearAsNobody(implementation, root)).containsExactly(
                "FREED 0 1",
                "ERROR full000\tcannot open directory: Permission denied");
        assertThat(empty).doesNotExist();
        assertThat(full.resolve("f")).exists();
    }

    /** A JVM allowed 512 descriptors clears 5000 levels: the walk holds a bounded number, not one per level. */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "native"})
    void clearsATree5000LevelsDeepWithFewDescriptors(String implementation) throws IOException {
        Path root = Files.createDirectory(memoryTmp.resolve("cache"));
        TreeFixtures.deepChain(root, 5000);

        ChildJvm.Result result = ChildJvm.run(ChildJvm.FEW_DESCRIPTORS, DeleteProbeMain.class, implementation,
                root.toString());

        assumeTrue(result.exitCode() != 3, "native deleter not available in a child JVM");
        assertThat(result.stdout().lines()).containsExactly("FREED 1 5000");
        assertThat(root).isEmptyDirectory();
    }

    /** A file system mounted inside the root is not entered: its mount point is kept with the reason. */
    @ParameterizedTest
    @ValueSource(strings = {"native", "nio"})
    void doesNotEnterAFileSystemMountedInsideTheRoot(String implementation) throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "needs root and unshare");
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.writeString(Files.createDirectory(root.resolve("plain")).resolve("f"), "f");
        Files.createDirectory(root.resolve("mnt"));
        // a private mount namespace: the mount disappears with the child, whatever happens
        List<String> wrapper = List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs cachectl-test \"$0/mnt\" && echo inside > \"$0/mnt/inside.txt\" && exec \"$@\"",
                root.toString());

        ChildJvm.Result result = ChildJvm.run(wrapper, DeleteProbeMain.class, implementation, root.toString(),
                "mnt/inside.txt", "plain");

        assumeTrue(result.exitCode() != 3, "native deleter not available in a child JVM");
        assumeTrue(result.exitCode() == 0, "cannot mount here");
        assertThat(result.stdout().lines()).containsExactly(
                "FREED 1 1",
                "KEPT mnt\tanother file system is mounted here; not crossed",
                "EXISTS mnt/inside.txt");
    }

    /** Skips unless this is root with setpriv; lets nobody into the temp folder; nobody's principal. */
    private UserPrincipal nobodyMayEnterTmp() throws IOException {
        assumeTrue(GnuTools.canDropToNobody(), "needs root and setpriv");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }

    /** What {@link DeleteProbeMain} printed after clearing {@code root} as nobody. */
    private static Stream<String> clearAsNobody(String implementation, Path root) throws IOException {
        ChildJvm.Result result = ChildJvm.run(true, DeleteProbeMain.class, implementation, root.toString());
        assumeTrue(result.exitCode() != 3, "native deleter not available in a child JVM");
        return result.stdout().lines();
    }
}
