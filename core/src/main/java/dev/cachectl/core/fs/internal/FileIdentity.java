package dev.cachectl.core.fs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which file system object an entry is (device and inode), comparable whichever way it was read: from a
 * {@code statx} (the native walkers) or from NIO's {@code fileKey()} (the NIO walkers, the copier). Used to check
 * that what is about to be deleted is still exactly what was copied or planned.
 *
 * @param dev the device id
 * @param ino the inode number
 */
public record FileIdentity(long dev, long ino) {

    /**
     * The JDK's Unix {@code fileKey} prints as {@code (dev=HEX,ino=DECIMAL)}. That is not an API, so it is read
     * only after checking, once, that it agrees with {@code unix:dev} and {@code unix:ino} for the working
     * directory; otherwise a {@code fileKey} stays opaque (and compares only with another {@code fileKey}).
     */
    private static final Pattern FORMAT = Pattern.compile("\\(dev=([0-9a-f]+),ino=(-?[0-9]+)\\)");
    private static final boolean KEYS_READABLE = check();

    /**
     * An identity for NIO's {@code fileKey}: a {@link FileIdentity} where it can be read, else the key itself;
     * {@code null} for {@code null}.
     */
    public static Object ofKey(Object fileKey) {
        if (fileKey == null || !KEYS_READABLE) {
            return fileKey;
        }
        Matcher m = FORMAT.matcher(fileKey.toString());
        return m.matches() ? new FileIdentity(Long.parseUnsignedLong(m.group(1), 16), Long.parseLong(m.group(2)))
                : fileKey;
    }

    /** The device a NIO {@code fileKey} names, where it can be read. */
    public static OptionalLong device(Object fileKey) {
        return ofKey(fileKey) instanceof FileIdentity id ? OptionalLong.of(id.dev()) : OptionalLong.empty();
    }

    private static boolean check() {
        try {
            Path here = Path.of("").toAbsolutePath();
            if (!here.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                return false;
            }
            Map<String, Object> a = Files.readAttributes(here, "unix:dev,ino,fileKey", LinkOption.NOFOLLOW_LINKS);
            Object key = a.get("fileKey");
            Matcher m = key == null ? null : FORMAT.matcher(key.toString());
            return m != null && m.matches() && Long.parseUnsignedLong(m.group(1), 16) == (Long) a.get("dev")
                    && Long.parseLong(m.group(2)) == (Long) a.get("ino");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
