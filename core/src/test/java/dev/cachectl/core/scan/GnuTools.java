package dev.cachectl.core.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real GNU {@code du} and {@code find} on a tree, the reference our figures must equal; optionally as
 * the unprivileged user {@code nobody} (through {@code setpriv}) so that directory permissions bite.
 */
public final class GnuTools {

    private static final boolean AVAILABLE = detect();
    private final List<String> prefix;

    private GnuTools(List<String> prefix) {
        this.prefix = prefix;
    }

    /** The tools as the current user. */
    public static GnuTools asCurrentUser() {
        return new GnuTools(List.of());
    }

    /** The tools as {@code nobody}, when we are root and {@code setpriv} exists. */
    public static GnuTools asNobody() {
        return new GnuTools(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }

    /** Whether GNU du and find are installed (tests that compare with them are skipped otherwise). */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Whether {@link #asNobody()} can work: we are root and setpriv is installed. */
    public static boolean canDropToNobody() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /** {@code du -s -B1 DIR}: allocated bytes. */
    public long diskBytes(Path dir) throws IOException {
        return firstNumber(run("du", "-s", "-B1", dir.toString()));
    }

    /** {@code du -s -b DIR}: apparent bytes. */
    public long apparentBytes(Path dir) throws IOException {
        return firstNumber(run("du", "-s", "-b", dir.toString()));
    }

    /** {@code find DIR -type T | wc -l}, robust to newlines in names. */
    public long count(Path dir, char type) throws IOException {
        return run("find", dir.toString(), "-type", String.valueOf(type), "-printf", ".").trim().length();
    }

    /** Runs a command, returning its stdout (stderr is discarded: du complains about unreadable dirs). */
    public String run(String... command) throws IOException {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(command));
        Process p = new ProcessBuilder(all).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + all);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + all, e);
        }
    }

    private static long firstNumber(String duOutput) throws IOException {
        String[] fields = duOutput.trim().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            throw new IOException("du printed nothing");
        }
        return Long.parseLong(fields[0]);
    }

    private static boolean detect() {
        try {
            Process p = new ProcessBuilder("du", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("GNU coreutils")
                    && new ProcessBuilder("find", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
