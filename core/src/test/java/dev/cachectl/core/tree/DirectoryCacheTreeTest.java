package dev.cachectl.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import dev.cachectl.testkit.FixtureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryCacheTreeTest {

    @TempDir
    Path temp;

    private Path cache;
    private Path outside;
    private DirectoryCacheTree tree;

    @BeforeEach
    void buildTree() throws Exception {
        cache = temp.resolve("cache");
        outside = temp.resolve("outside");
        FixtureFiles.write(outside.resolve("secret.txt"), 77);
        FixtureFiles.write(cache.resolve("b.bin"), 1234);
        FixtureFiles.writeText(cache.resolve("a/ref"), "0123456789abcdef");
        FixtureFiles.write(cache.resolve("a/nested/deep.bin"), 10);
        FixtureFiles.symlink(cache.resolve("link-to-b"), "b.bin");
        FixtureFiles.symlink(cache.resolve("escape"), "../outside");
        FixtureFiles.symlink(cache.resolve("broken"), "does/not/exist");
        Files.setLastModifiedTime(cache.resolve("b.bin"), FileTime.from(Instant.parse("2025-03-04T05:06:07Z")));
        tree = new DirectoryCacheTree(cache);
    }

    @Test
    void listsEntriesSortedByNameWithoutFollowingLinks() {
        assertThat(tree.list("")).extracting(TreeEntry::name, TreeEntry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", EntryKind.DIRECTORY),
                org.assertj.core.groups.Tuple.tuple("b.bin", EntryKind.FILE),
                org.assertj.core.groups.Tuple.tuple("broken", EntryKind.SYMLINK),
                org.assertj.core.groups.Tuple.tuple("escape", EntryKind.SYMLINK),
                org.assertj.core.groups.Tuple.tuple("link-to-b", EntryKind.SYMLINK));
    }

    @Test
    void entryGivesSizeAndTimeOfTheEntryItself() {
        TreeEntry file = tree.entry("b.bin").orElseThrow();
        assertThat(file.size()).isEqualTo(1234);
        assertThat(file.modifiedMillis()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z").toEpochMilli());
        TreeEntry link = tree.entry("link-to-b").orElseThrow();
        assertThat(link.kind()).isEqualTo(EntryKind.SYMLINK);
        assertThat(link.size()).as("a link's size is the length of its target").isEqualTo("b.bin".length());
        assertThat(tree.entry("a/nested/deep.bin")).map(TreeEntry::size).contains(10L);
        assertThat(tree.entry("").map(TreeEntry::kind)).contains(EntryKind.DIRECTORY);
    }

    @Test
    void neverReadsThroughALinkedDirectory() {
        assertThat(tree.list("escape")).isEmpty();
        assertThat(tree.entry("escape/secret.txt")).isEmpty();
        assertThat(tree.readText("escape/secret.txt", 1000)).isEmpty();
        assertThat(tree.readLink("escape")).contains("../outside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside/secret.txt", "a/../b.bin", "./b.bin", "a//ref", "/etc/passwd", "a/"})
    void pathsLeavingTheTreeOrNotNormalisedAreMissing(String path) {
        assertThat(tree.entry(path)).isEmpty();
        assertThat(tree.list(path)).isEmpty();
        assertThat(tree.readText(path, 1000)).isEmpty();
        assertThat(tree.readLink(path)).isEmpty();
    }

    @Test
    void readsLinksExactlyAsStored() {
        assertThat(tree.readLink("broken")).contains("does/not/exist");
        assertThat(tree.readLink("b.bin")).isEmpty();
        assertThat(tree.readLink("missing")).isEmpty();
    }

    @Test
    void readsSmallUtf8FilesOnly() {
        assertThat(tree.readText("a/ref", 16)).contains("0123456789abcdef");
        assertThat(tree.readText("a/ref", 15)).as("longer than maxBytes").isEmpty();
        assertThat(tree.readText("link-to-b", 10_000)).as("a link is not followed").isEmpty();
        assertThat(tree.readText("a", 100)).as("a directory").isEmpty();
        FixtureFiles.write(cache.resolve("latin1"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertThat(tree.readText("latin1", 100)).as("not UTF-8").isEmpty();
    }

    @Test
    void missingThingsReadAsEmpty() {
        DirectoryCacheTree missing = new DirectoryCacheTree(temp.resolve("nope"));
        assertThat(missing.list("")).isEmpty();
        assertThat(missing.entry("")).isEmpty();
        assertThat(tree.list("b.bin")).as("listing a file").isEmpty();
        assertThat(tree.entry("a/none")).isEmpty();
    }

    @Test
    void aRootThatIsALinkIsUsedAsGiven() {
        Path linkedRoot = FixtureFiles.symlink(temp.resolve("linked-cache"), cache.toString());
        DirectoryCacheTree linked = new DirectoryCacheTree(linkedRoot);
        assertThat(linked.list("")).hasSize(5);
        assertThat(linked.entry("").map(TreeEntry::kind)).contains(EntryKind.DIRECTORY);
        assertThat(linked.root()).isEqualTo(linkedRoot.toAbsolutePath());
    }
}
