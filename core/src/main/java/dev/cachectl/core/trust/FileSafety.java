package dev.cachectl.core.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether a file or folder could have been written by someone other than the user running cachectl, the test
 * git applies to a repository since CVE-2022-24765: it is unsafe when it is owned by another user, or writable
 * by others (mode o+w, sticky or not). Owned by root is fine: root can replace anything anyway. Group-writable is
 * fine too: most systems give each user a group of their own. The path is checked as it resolves (a symbolic link
 * is followed to what it names). Where the file system has no Unix owners and modes (Windows), nothing is unsafe.
 */
public final class FileSafety {

    private static final int OTHERS_WRITE = 0002;

    private FileSafety() {
    }

    /** The user id of this process, when the platform has one. */
    public static OptionalLong currentUid() {
        return CurrentUser.UID;
    }

    /**
     * Why {@code path} is unsafe, as a clause ({@code "is writable by others (mode 1777)"}), or empty when it is
     * safe, missing, or the platform cannot tell.
     */
    public static Optional<String> problem(Path path) {
        OptionalLong me = currentUid();
        if (me.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:uid,mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
        int uid = (Integer) attributes.get("uid");
        int mode = (Integer) attributes.get("mode");
        if (uid != me.getAsLong() && uid != 0) {
            return Optional.of("is owned by another user (uid " + uid + "; you are uid " + me.getAsLong() + ")");
        }
        if ((mode & OTHERS_WRITE) != 0) {
            return Optional.of("is writable by others (mode " + String.format("%04o", mode & 07777) + ")");
        }
        return Optional.empty();
    }

    /** Read once: the uid of a process does not change. */
    private static final class CurrentUser {
        static final OptionalLong UID = read();

        private static OptionalLong read() {
            try {
                return OptionalLong.of(new com.sun.security.auth.module.UnixSystem().getUid());
            } catch (LinkageError | RuntimeException notUnix) {
                return OptionalLong.empty();
            }
        }
    }
}
