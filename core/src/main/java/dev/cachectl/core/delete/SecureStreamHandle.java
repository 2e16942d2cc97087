package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.internal.NioStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A {@link DirectoryHandle} on NIO's {@link SecureDirectoryStream} ({@code openat}/{@code unlinkat} underneath,
 * where the JDK offers it). NIO gives no link count or device number here, so hard-linked files are counted
 * once per name and mount points are not recognised.
 */
final class SecureStreamHandle implements DirectoryHandle<Path> {

    /** Opens roots with {@link Files#newDirectoryStream}; fails where it is not a secure stream. */
    static final HandleOpener<Path> OPENER = root -> {
        if (Files.isSymbolicLink(root)) {
            throw new FileSystemException(root.toString(), null,
                    "is a symbolic link; pass the directory it points to (Path.toRealPath()) after checking it");
        }
        DirectoryStream<Path> stream = Files.newDirectoryStream(root);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new SecureStreamHandle(secure);
        }
        stream.close();
        throw new FileSystemException(root.toString(), null,
                "race-safe deletion is not available on this platform (no SecureDirectoryStream)");
    };

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private final SecureDirectoryStream<Path> stream;
    private Iterator<Path> names;

    private SecureStreamHandle(SecureDirectoryStream<Path> stream) {
        this.stream = stream;
    }

    @Override
    public EntryStat self() throws IOException {
        return NioStat.of(stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes());
    }

    @Override
    public List<Path> nextNames(int max) throws IOException {
        if (names == null) {
            names = stream.iterator();
        }
        List<Path> batch = new ArrayList<>(Math.min(max, 256));
        try {
            while (batch.size() < max && names.hasNext()) {
                batch.add(names.next().getFileName());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return batch;
    }

    @Override
    public EntryStat stat(Path name) throws IOException {
        return NioStat.of(stream.getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW).readAttributes());
    }

    @Override
    public DirectoryHandle<Path> openDirectory(Path name) throws IOException {
        try {
            return new SecureStreamHandle(stream.newDirectoryStream(name, NO_FOLLOW));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (FileSystemException e) {
            // a link refused by O_NOFOLLOW (ELOOP) or a file (ENOTDIR); the reason text is localised, the type is not
            if (stat(name).kind() != EntryKind.DIRECTORY) {
                throw new NotDirectoryException(name.toString());
            }
            throw e;
        }
    }

    @Override
    public DirectoryHandle<Path> openParent() throws IOException {
        return new SecureStreamHandle(stream.newDirectoryStream(Path.of(".."), NO_FOLLOW));
    }

    @Override
    public void deleteFile(Path name) throws IOException {
        stream.deleteFile(name);
    }

    @Override
    public void deleteDirectory(Path name) throws IOException {
        stream.deleteDirectory(name);
    }

    @Override
    public String decode(Path name) {
        return name.toString();
    }

    @Override
    public Path encode(String name) {
        return Path.of(name);
    }

    /** NIO cannot lock a directory: commands on the same cache are not serialised on this path. */
    @Override
    public boolean lockExclusive(boolean wait) {
        return true;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
