package dev.cachectl.core.delete;

import dev.cachectl.core.fs.internal.EntryStat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory as it was when a command made its plan: the path it was named by, the real path that name
 * resolved to (every symbolic link on the way followed) and the identity (device and inode) of what was there.
 * A deletion or a lock on a pinned directory opens the real path again and goes on only when it finds the
 * same directory, so replacing a folder on the way by a link after the plan (at a prompt, or by a racing
 * process) cannot redirect the deletion anywhere else. Made by {@link TreeDeleter#pin}.
 */
public final class PinnedDirectory {

    private final Path path;
    private final Path realPath;
    private final EntryStat identity;

    PinnedDirectory(Path path, Path realPath, EntryStat identity) {
        this.path = Objects.requireNonNull(path, "path");
        this.realPath = Objects.requireNonNull(realPath, "realPath");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The directory as the caller named it (e.g. the configured cache path). */
    public Path path() {
        return path;
    }

    /** Where it really is: {@link #path()} with every symbolic link resolved. */
    public Path realPath() {
        return realPath;
    }

    /** Whether links on the way make the real path differ from the path as named. */
    public boolean redirected() {
        return !realPath.equals(path.toAbsolutePath().normalize());
    }

    /** Whether {@code now} is the very directory pinned. */
    boolean sameDirectory(EntryStat now) {
        return identity.sameObject(now);
    }

    @Override
    public String toString() {
        return redirected() ? path + " (really " + realPath + ")" : path.toString();
    }
}
