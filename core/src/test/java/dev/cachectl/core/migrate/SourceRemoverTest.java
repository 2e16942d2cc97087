package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRemoverTest {

    @TempDir
    Path source;

    @Test
    void removesWhatWasCopiedAndLeavesWhatChangedOrAppeared() throws IOException {
        Path repo = Files.createDirectories(source.resolve("repo/sub"));
        Files.writeString(source.resolve("repo/same.bin"), "same");
        Files.writeString(source.resolve("repo/sub/changes.bin"), "before");
        Files.createSymbolicLink(source.resolve("repo/link"), Path.of("same.bin"));
        Map<String, TreeCopier.Entry> copied = recorded(source.resolve("repo"), "", "same.bin", "sub",
                "sub/changes.bin", "link");
        // After the copy: one file grows, one appears.
        Files.writeString(source.resolve("repo/sub/changes.bin"), "after, longer");
        Files.writeString(source.resolve("repo/new.bin"), "new");

        SourceRemover remover = new SourceRemover(source);
        remover.removeCopied("repo", copied);

        assertThat(remover.leftBehind()).containsExactlyInAnyOrder("repo/sub/changes.bin", "repo/new.bin");
        assertThat(source.resolve("repo/same.bin")).doesNotExist();
        assertThat(source.resolve("repo/link")).doesNotExist();
        assertThat(source.resolve("repo/sub/changes.bin")).hasContent("after, longer");
        assertThat(repo.resolve("../new.bin")).exists();
    }

    @Test
    void aFileReplacedByAnotherWithTheSameSizeAndTimeIsLeft() throws IOException {
        Path file = Files.writeString(source.resolve("model.bin"), "abcd");
        Map<String, TreeCopier.Entry> copied = recorded(file, "");
        FileTime time = Files.getLastModifiedTime(file);
        // Made while the original still exists, so it cannot get the original's inode number.
        Files.writeString(source.resolve("other"), "wxyz");
        Files.move(source.resolve("other"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, time);

        SourceRemover remover = new SourceRemover(source);
        remover.removeCopied("model.bin", copied);

        assertThat(remover.leftBehind()).containsExactly("model.bin");
        assertThat(file).hasContent("wxyz");
    }

    @Test
    void anEmptyFolderGoesAndAFullOneOrALinkStays() throws IOException {
        Files.createDirectories(source.resolve("empty"));
        Files.writeString(Files.createDirectories(source.resolve("full")).resolve("f"), "f");
        Files.createSymbolicLink(source.resolve("link"), source.resolve("full"));
        SourceRemover remover = new SourceRemover(source);

        assertThat(remover.removeEmptyDirectory("empty")).isTrue();
        assertThat(remover.removeEmptyDirectory("full")).isFalse();
        assertThat(remover.removeEmptyDirectory("link")).isFalse();

        assertThat(source.resolve("empty")).doesNotExist();
        assertThat(source.resolve("full/f")).exists();
        assertThat(source.resolve("link")).isSymbolicLink();
        assertThat(remover.leftBehind()).isEmpty();
    }

    @Test
    void anEmptiedSourceFolderIsRemovedAndAFullOneIsNot() throws IOException {
        Path emptied = Files.createDirectories(source.resolve("torch"));
        Path full = Files.createDirectories(source.resolve("hub"));
        Files.writeString(full.resolve("left"), "left");

        assertThat(SourceRemover.removeIfEmpty(emptied)).isTrue();
        assertThat(SourceRemover.removeIfEmpty(full)).isFalse();
        assertThat(SourceRemover.removeIfEmpty(source.resolve("gone"))).isFalse();

        assertThat(emptied).doesNotExist();
        assertThat(full.resolve("left")).exists();
    }

    /** The entries as the copier records them, keyed by their path inside {@code top}. */
    private static Map<String, TreeCopier.Entry> recorded(Path top, String... inside) throws IOException {
        Map<String, TreeCopier.Entry> entries = new LinkedHashMap<>();
        for (String relative : List.of(inside)) {
            Path path = relative.isEmpty() ? top : top.resolve(relative);
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            entries.put(relative, new TreeCopier.Entry(relative, a.isDirectory(), a.isSymbolicLink(), a.fileKey(),
                    a.isDirectory() ? 0 : a.size(), a.lastModifiedTime(), 0));
        }
        return entries;
    }
}
