package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.internal.FileIdentity;
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
import java.util.Map;
import java.util.OptionalLong;

/**
 * A {@link DirectoryHandle} on NIO's {@link SecureDirectoryStream} ({@code openat}/{@code unlinkat} underneath,
 * where the JDK offers it). A secure stream gives no link count, so hard-linked files are counted once per name.
 *
 * <p>Mount points are recognised where the file system has the {@code unix} attribute view (Linux, macOS). The
 * stream's attributes carry no device number; their {@code fileKey} does (see {@link FileIdentity}), and where
 * it cannot be read the handle reads {@code unix:dev} together with {@code fileKey} through the path it was
 * reached by, and believes that device only when the {@code fileKey} is the one the stream read (so a folder
 * renamed or replaced meanwhile is never taken for the one the stream holds). A subdirectory on another device,
 * or whose device cannot be confirmed, is reported as a mount point and not entered.
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
            return withDevice(secure, root);
        }
        stream.close();
        throw new FileSystemException(root.toString(), null,
                "race-safe deletion is not available on this platform (no SecureDirectoryStream)");
    };

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final long UNKNOWN_DEVICE = Long.MIN_VALUE;
    private static final String DEVICE_AND_KEY = "unix:dev,fileKey";
    private final SecureDirectoryStream<Path> stream;
    /** The path this directory was reached by; used only to read its entries' devices. */
    private final Path path;
    /** This directory's device, or {@link #UNKNOWN_DEVICE} where the file system does not tell. */
    private long device = UNKNOWN_DEVICE;
    private Iterator<Path> names;

    private SecureStreamHandle(SecureDirectoryStream<Path> stream, Path path) {
        this.stream = stream;
        this.path = path;
    }

    /** A handle on {@code stream}, reached by {@code path}, with its device confirmed (closed on failure). */
    private static SecureStreamHandle withDevice(SecureDirectoryStream<Path> stream, Path path) throws IOException {
        SecureStreamHandle handle = new SecureStreamHandle(stream, path);
        try {
            handle.device = confirmedDevice(path, handle.self());
            return handle;
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * The device of the object the stream read as {@code expected}, reached by {@code at}: taken from its
     * {@code fileKey} where {@link FileIdentity} can read it (no second lookup, any depth), else read as
     * {@code unix:dev} through the path and believed only when the {@code fileKey} there is the same;
     * {@link #UNKNOWN_DEVICE} when the file system has no {@code unix} view.
     *
     * @throws FileSystemException when the object at the path is another one (it changed since the stream read it)
     */
    private static long confirmedDevice(Path at, EntryStat expected) throws IOException {
        if (!at.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return UNKNOWN_DEVICE;
        }
        OptionalLong fromKey = FileIdentity.device(expected.fileKey());
        if (fromKey.isPresent()) {
            return fromKey.getAsLong();
        }
        Map<String, Object> attributes = Files.readAttributes(at, DEVICE_AND_KEY, NO_FOLLOW);
        if (expected.fileKey() == null || !expected.fileKey().equals(attributes.get("fileKey"))) {
            throw new FileSystemException(at.toString(), null, "changed while being examined; not entered");
        }
        return (Long) attributes.get("dev");
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

    /**
     * The entry's attributes; for a subdirectory, whether it is on another device than this directory (a mount
     * point), as {@link EntryStat#mountRoot()}. A subdirectory whose device cannot be confirmed counts as one.
     */
    @Override
    public EntryStat stat(Path name) throws IOException {
        EntryStat st = NioStat.of(stream.getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW)
                .readAttributes());
        if (st.kind() != EntryKind.DIRECTORY || device == UNKNOWN_DEVICE) {
            return st;
        }
        boolean otherDevice;
        try {
            otherDevice = confirmedDevice(path.resolve(name), st) != device;
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (IOException unconfirmed) {
            otherDevice = true;
        }
        return otherDevice ? new EntryStat(st.kind(), st.size(), st.diskBytes(), st.nlink(), st.dev(), st.ino(),
                st.mtimeMillis(), st.fileKey(), true) : st;
    }

    @Override
    public DirectoryHandle<Path> openDirectory(Path name) throws IOException {
        try {
            return withDevice(stream.newDirectoryStream(name, NO_FOLLOW), path.resolve(name));
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
        return withDevice(stream.newDirectoryStream(Path.of(".."), NO_FOLLOW), parentPath());
    }

    private Path parentPath() {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.getParent() != null ? absolute.getParent() : absolute;
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
