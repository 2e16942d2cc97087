package dev.cachectl.core.tree;

import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.TreeEntry;
import dev.cachectl.core.text.LosslessNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's {@link CacheTree} over a real directory: what providers read their caches through.
 *
 * <p>No symbolic link is ever followed, neither a final component ({@code NOFOLLOW_LINKS}) nor an
 * intermediate one: before it touches {@code a/b/c} it checks that {@code a} and {@code a/b} are real
 * directories, so a link inside the cache cannot lead a provider outside it. The root itself is used as
 * given; the host decides beforehand whether a linked cache directory is acceptable. Relative paths use
 * {@code /}; an absolute path or one with an empty, {@code .} or {@code ..} segment is treated as missing.
 * Every failure (missing, permission denied, I/O error, a race with a deleting process) reads as empty:
 * the host measures and reports problems itself.
 */
public final class DirectoryCacheTree implements CacheTree {

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final boolean windowsNames;
    /** Relative directories already checked to be real directories (not links); the tree is short-lived. */
    private final Set<String> checkedDirectories = ConcurrentHashMap.newKeySet();

    /**
     * A tree over {@code root}.
     *
     * @param root the cache directory; need not exist (then every read is empty)
     */
    public DirectoryCacheTree(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.windowsNames = "\\".equals(root.getFileSystem().getSeparator());
    }

    /** The directory this tree reads. */
    public Path root() {
        return root;
    }

    @Override
    public List<TreeEntry> list(String relativeDirectory) {
        Optional<Path> dir = resolve(relativeDirectory);
        if (dir.isEmpty() || !isRealDirectory(dir.get(), relativeDirectory)) {
            return List.of();
        }
        List<TreeEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.get())) {
            for (Path child : stream) {
                read(child).ifPresent(entries::add);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Unreadable or vanished: the host's walker reports it with the path; a provider sees nothing.
            return List.of();
        }
        entries.sort(Comparator.comparing(TreeEntry::name));
        return List.copyOf(entries);
    }

    @Override
    public Optional<TreeEntry> entry(String relativePath) {
        if (Objects.requireNonNull(relativePath, "relativePath").isEmpty()) {
            // The root is used as given (see the class comment), so its attributes follow a link.
            return readAttributes(root, new LinkOption[0]).map(attrs -> toEntry(nameOf(root), attrs));
        }
        return resolve(relativePath).flatMap(this::read);
    }

    @Override
    public Optional<String> readLink(String relativePath) {
        Optional<Path> path = resolve(relativePath).filter(p -> !relativePath.isEmpty());
        if (path.isEmpty() || !Files.isSymbolicLink(path.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(path.get()).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readText(String relativePath, int maxBytes) {
        Optional<Path> path = resolve(relativePath).filter(p -> !relativePath.isEmpty());
        if (path.isEmpty() || maxBytes < 0) {
            return Optional.empty();
        }
        Optional<BasicFileAttributes> attrs = readAttributes(path.get(), NOFOLLOW);
        if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() > maxBytes) {
            return Optional.empty();
        }
        // NOFOLLOW_LINKS on open too: the file may have been replaced by a link since the check above.
        try (InputStream in = Files.newInputStream(path.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The absolute path of a relative one, when it stays inside the root and its parents are real directories. */
    private Optional<Path> resolve(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty()) {
            return Optional.of(root);
        }
        String[] segments = relativePath.split("/", -1);
        Path path = root;
        StringBuilder parent = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (!validSegment(segment)) {
                return Optional.empty();
            }
            if (i > 0 && !isRealDirectory(path, parent.toString())) {
                return Optional.empty();
            }
            path = LosslessNames.resolve(path, segment);
            if (!parent.isEmpty()) {
                parent.append('/');
            }
            parent.append(segment);
        }
        return Optional.of(path);
    }

    private boolean validSegment(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
            return false;
        }
        // On Windows '\' and ':' would start another path (or a drive) inside one segment.
        return !windowsNames || (segment.indexOf('\\') < 0 && segment.indexOf(':') < 0);
    }

    /** Whether {@code dir} (relative name {@code key}) is a directory and not a link; the root counts as one. */
    private boolean isRealDirectory(Path dir, String key) {
        if (key.isEmpty()) {
            return Files.isDirectory(root);
        }
        if (checkedDirectories.contains(key)) {
            return true;
        }
        boolean real = Files.isDirectory(dir, NOFOLLOW);
        if (real) {
            checkedDirectories.add(key);
        }
        return real;
    }

    private Optional<TreeEntry> read(Path path) {
        return readAttributes(path, NOFOLLOW).map(attrs -> toEntry(nameOf(path), attrs));
    }

    private static Optional<BasicFileAttributes> readAttributes(Path path, LinkOption[] options) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, options));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static TreeEntry toEntry(String name, BasicFileAttributes attrs) {
        EntryKind kind = attrs.isSymbolicLink() ? EntryKind.SYMLINK
                : attrs.isDirectory() ? EntryKind.DIRECTORY
                : attrs.isRegularFile() ? EntryKind.FILE
                : EntryKind.OTHER;
        return new TreeEntry(name, kind, attrs.size(), attrs.lastModifiedTime().toMillis());
    }

    private static String nameOf(Path path) {
        return LosslessNames.name(path);
    }
}
