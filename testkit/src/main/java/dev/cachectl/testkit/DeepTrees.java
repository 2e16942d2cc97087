package dev.cachectl.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trees whose full paths are longer than {@code PATH_MAX} (4096 bytes), which no call given a full path can
 * reach: built with bash (each {@code cd -P} is relative), read through secure directory streams
 * ({@code openat}), links listed by {@code find}, removed with {@code rm -rf}. Linux only.
 */
public final class DeepTrees {

    private DeepTrees() {
    }

    /**
     * Builds below {@code root}: {@code levels} nested folders named with {@code nameLength} characters each,
     * a file at the bottom and halfway, a relative symbolic link and a hard-linked pair at the bottom (the same
     * content every time); returns
     * the bottom folder's path relative to {@code root}.
     */
    public static String build(Path root, int levels, int nameLength) {
        String segment = "d".repeat(nameLength);
        String script = """
                set -e
                cd "$1"
                i=0
                while [ $i -lt %d ]; do
                  mkdir "%s$i"; cd -P "%s$i"
                  if [ $i -eq %d ]; then printf 'halfway' > middle.txt; fi
                  i=$((i+1))
                done
                yes cachectl | head -c 300000 > deep.bin
                ln deep.bin deep-alias.bin
                ln -s deep.bin deep-link
                printf 'bottom' > bottom.txt
                """.formatted(levels, segment, segment, levels / 2);
        run(List.of("bash", "-c", script, "bash", root.toString()));
        StringBuilder relative = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            relative.append(i == 0 ? "" : "/").append(segment).append(i);
        }
        return relative.toString();
    }

    /** Writes {@code text} to the file {@code name} in the folder {@code relativeDir} below {@code root}. */
    public static void write(Path root, String relativeDir, String name, String text) {
        String script = """
                set -e
                cd -P "$1"
                IFS=/
                for part in $2; do cd -P "$part"; done
                printf '%s' "$4" > "$3"
                """;
        run(List.of("bash", "-c", script, "bash", root.toString(), relativeDir, name, text));
    }

    /**
     * Every entry below {@code dir}: relative path → {@code dir}, SHA-256 of a file, or {@code -> target} of a
     * link; empty when {@code dir} is missing.
     */
    public static Map<String, String> contents(Path dir) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        String links = run(List.of("find", dir.toString(), "-mindepth", "1", "-type", "l", "-printf", "%P\\t%l\\n"));
        for (String line : links.split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\t", 2);
                entries.put(parts[0], "-> " + parts[1]);
            }
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
                throw new IllegalStateException("no secure directory streams here");
            }
            walk(secure, "", entries);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    private static void walk(SecureDirectoryStream<Path> dir, String prefix, Map<String, String> entries)
            throws IOException {
        List<String> names = new java.util.ArrayList<>();
        dir.forEach(p -> names.add(p.getFileName().toString()));
        for (String name : names) {
            Path relative = Path.of(name);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            BasicFileAttributes attrs = dir.getFileAttributeView(relative, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (attrs.isDirectory()) {
                entries.put(path, "dir");
                try (SecureDirectoryStream<Path> child = dir.newDirectoryStream(relative, LinkOption.NOFOLLOW_LINKS)) {
                    walk(child, path, entries);
                }
            } else if (attrs.isRegularFile()) {
                entries.put(path, sha256(dir, relative));
            }
        }
    }

    private static String sha256(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try (SeekableByteChannel in = dir.newByteChannel(name, java.util.Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (in.read(buffer.clear()) >= 0) {
                digest.update(buffer.flip());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two entries below {@code dir} are one file (hard links), compared by {@code find}'s inode numbers. */
    public static boolean sameInode(Path dir, String a, String b) {
        String out = run(List.of("find", dir.toString(), "-type", "f", "-printf", "%P\\t%i\\n"));
        Map<String, String> inodes = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\t", 2);
                inodes.put(parts[0], parts[1]);
            }
        }
        return inodes.get(a) != null && inodes.get(a).equals(inodes.get(b));
    }

    /** Removes {@code dir} and everything below it ({@code rm -rf}, which never follows links). */
    public static void delete(Path dir) {
        run(List.of("rm", "-rf", "--", dir.toString()));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
