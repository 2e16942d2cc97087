package dev.cachectl.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.api.TreeEntry;
import dev.cachectl.core.tree.DirectoryCacheTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LosslessNamesTest {

    @TempDir
    Path temp;

    /** Makes {@code a\xff/x} and {@code a\xfe/x} (not valid UTF-8) with Python, which takes raw bytes. */
    private boolean invalidNames() throws Exception {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
        try {
            Process python = new ProcessBuilder("python3", "-c", "import os, sys; d = os.fsencode(sys.argv[1]);"
                    + " [os.makedirs(d + b'/a' + bytes([b]) + b'/x') for b in (0xff, 0xfe)]", temp.toString())
                    .inheritIO().start();
            return python.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void namesThatAreNotUtf8StayDistinctAndResolveBack() throws Exception {
        assumeTrue(invalidNames(), "python3 is not available");
        List<String> names;
        try (var children = Files.list(temp)) {
            names = children.map(LosslessNames::name).sorted().toList();
        }
        assertThat(names).containsExactly("a\udcfe", "a\udcff");
        for (String name : names) {
            assertThat(LosslessNames.resolve(temp, name).resolve("x")).isDirectory();
        }
        assertThat(LosslessNames.resolve(temp, "plain")).isEqualTo(temp.resolve("plain"));
    }

    @Test
    void aCacheTreeListsAndReadsThemExactly() throws Exception {
        assumeTrue(invalidNames(), "python3 is not available");
        DirectoryCacheTree tree = new DirectoryCacheTree(temp);
        assertThat(tree.list("").stream().map(TreeEntry::name)).containsExactly("a\udcfe", "a\udcff");
        assertThat(tree.list("a\udcff").stream().map(TreeEntry::name)).containsExactly("x");
        assertThat(tree.entry("a\udcfe/x")).isPresent();
    }
}
