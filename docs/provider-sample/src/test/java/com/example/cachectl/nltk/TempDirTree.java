package com.example.cachectl.nltk;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CacheTree} over a real folder, for unit tests only: the same contract as the host's (relative paths
 * with {@code /}, symbolic links never followed, failures read as empty), in a few lines. The end-to-end test
 * against the real host is running cachectl itself; see the README.
 */
final class TempDirTree implements CacheTree {

    private final Path root;

    TempDirTree(Path root) {
        this.root = root;
    }

    private Optional<Path> resolve(String relative) {
        if (relative.startsWith("/") || relative.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(relative.isEmpty() ? root : root.resolve(relative));
    }

    @Override
    public List<TreeEntry> list(String relativeDirectory) {
        List<TreeEntry> entries = new ArrayList<>();
        Optional<Path> dir = resolve(relativeDirectory);
        if (dir.isEmpty() || !Files.isDirectory(dir.get(), LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir.get())) {
            for (Path child : children) {
                entry(child).ifPresent(entries::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        entries.sort(Comparator.comparing(TreeEntry::name));
        return entries;
    }

    @Override
    public Optional<TreeEntry> entry(String relativePath) {
        return resolve(relativePath).flatMap(TempDirTree::entry);
    }

    private static Optional<TreeEntry> entry(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            EntryKind kind = a.isSymbolicLink() ? EntryKind.SYMLINK : a.isDirectory() ? EntryKind.DIRECTORY
                    : a.isRegularFile() ? EntryKind.FILE : EntryKind.OTHER;
            return Optional.of(new TreeEntry(path.getFileName().toString(), kind, a.size(),
                    a.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readLink(String relativePath) {
        try {
            return resolve(relativePath).map(p -> {
                try {
                    return Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    return null;
                }
            });
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readText(String relativePath, int maxBytes) {
        return resolve(relativePath).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(p -> {
            try {
                return Files.size(p) > maxBytes ? null : Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
