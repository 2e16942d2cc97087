package dev.cachectl.testkit;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A plain {@link CacheTree} over a fixture directory, for the providers' unit tests: they cannot use core's
 * {@code DirectoryCacheTree} (core's own tests depend on the providers, and Maven forbids the cycle). It keeps
 * the contract the providers rely on (relative {@code /} paths, links never followed, escaping paths missing,
 * failures empty); core's tests run the real providers through the real tree on the same fixtures.
 */
public final class FixtureTree implements CacheTree {

    private final Path root;

    /** A tree over {@code root}. */
    public FixtureTree(Path root) {
        this.root = root;
    }

    @Override
    public List<TreeEntry> list(String relativeDirectory) {
        Optional<Path> dir = path(relativeDirectory).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
        if (dir.isEmpty()) {
            return List.of();
        }
        List<TreeEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir.get())) {
            children.forEach(child -> stat(child).ifPresent(entries::add));
        } catch (IOException e) {
            return List.of();
        }
        entries.sort(Comparator.comparing(TreeEntry::name));
        return entries;
    }

    @Override
    public Optional<TreeEntry> entry(String relativePath) {
        return path(relativePath).flatMap(FixtureTree::stat);
    }

    @Override
    public Optional<String> readLink(String relativePath) {
        try {
            Optional<Path> link = path(relativePath).filter(Files::isSymbolicLink);
            return link.isEmpty() ? Optional.empty() : Optional.of(Files.readSymbolicLink(link.get()).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readText(String relativePath, int maxBytes) {
        Optional<Path> file = path(relativePath).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
        try {
            if (file.isEmpty() || Files.size(file.get()) > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file.get()))).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The path, when every segment is a plain name and every parent a real directory. */
    private Optional<Path> path(String relative) {
        Path path = root;
        if (relative.isEmpty()) {
            return Optional.of(path);
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && path != root) {
                return Optional.empty();
            }
            path = path.resolve(segment);
        }
        return Optional.of(path);
    }

    private static Optional<TreeEntry> stat(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            EntryKind kind = a.isSymbolicLink() ? EntryKind.SYMLINK : a.isDirectory() ? EntryKind.DIRECTORY
                    : a.isRegularFile() ? EntryKind.FILE : EntryKind.OTHER;
            Path name = path.getFileName();
            return Optional.of(new TreeEntry(name == null ? "" : name.toString(), kind, a.size(),
                    a.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
