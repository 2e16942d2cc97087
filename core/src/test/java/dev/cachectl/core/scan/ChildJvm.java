package dev.cachectl.core.scan;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a test main class in a fresh JVM on the class path of core, its tests and the api, optionally as nobody. */
public final class ChildJvm {

    /** A wrapper that limits the child to 512 open descriptors. */
    public static final List<String> FEW_DESCRIPTORS = List.of("sh", "-c", "ulimit -n 512 && exec \"$@\"", "sh");

    private ChildJvm() {
    }

    /** The exit code and stdout of {@code mainClass args} run in a new JVM. */
    public static Result run(boolean asNobody, Class<?> mainClass, String... args) throws IOException {
        return run(asNobody ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of(),
                mainClass, args);
    }

    /**
     * The exit code and stdout of {@code mainClass args} run in a new JVM started through {@code wrapper} (a
     * command that ends by running its arguments, e.g. {@code setpriv ...} or {@code sh -c '...; exec "$@"' sh}).
     */
    public static Result run(List<String> wrapper, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", classPath(mainClass),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("child JVM timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A finished child. */
    public record Result(int exitCode, String stdout) {
    }

    private static String classPath(Class<?> mainClass) {
        return String.join(File.pathSeparator, location(mainClass), location(TreeScanner.class),
                location(dev.cachectl.api.EntryKind.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
