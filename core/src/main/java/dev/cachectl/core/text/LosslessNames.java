package dev.cachectl.core.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File names of NIO paths without losing bytes. {@link Path#toString()} decodes a name that is not valid
 * UTF-8 with U+FFFD for each bad byte, so distinct names read the same and the text no longer opens the
 * file; here such a name is decoded by {@link FileNameCharset} instead (only when it holds a U+FFFD, so
 * ordinary names cost nothing), and resolved back by listing its directory.
 */
public final class LosslessNames {

    /** Whether this JVM decodes file names as UTF-8 (otherwise there is nothing to recover here). */
    private static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding",
            "UTF-8"));

    private LosslessNames() {
    }

    /** The last name of {@code path}, each byte that is not valid UTF-8 held as U+DC80..U+DCFF; "" for none. */
    public static String name(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return "";
        }
        String text = name.toString();
        if (text.indexOf('\ufffd') < 0 || !UTF8_NAMES) {
            return text;
        }
        // The URI of a path percent-encodes its raw bytes (a directory's ends with '/').
        String uri = path.toAbsolutePath().toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return new String(percentDecode(uri.substring(uri.lastIndexOf('/') + 1)), FileNameCharset.INSTANCE);
    }

    /**
     * {@code directory.resolve(name)} for a name from {@link #name}: one with undecodable bytes is found by
     * listing {@code directory} (NIO cannot make a path from raw bytes); the plain resolution when none matches.
     */
    public static Path resolve(Path directory, String name) {
        if (!FileNameCharset.hasEscapedBytes(name)) {
            return directory.resolve(name);
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                if (name(child).equals(name)) {
                    return child;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // unreadable: the plain resolution below does not exist either, and reads as missing
        }
        return directory.resolve(name);
    }

    private static byte[] percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
