package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's scripts as a new user meets them: {@code ./mvnw} (the README's test command) and
 * {@code ./cachectl} find a JDK 25 without {@code JAVA_HOME} while an older {@code java} comes first on
 * {@code PATH}, the checkout launcher works through a symbolic link (the documented way onto {@code PATH}), and
 * a {@code CACHECTL_JAVA} that is too old is one clear line.
 */
class LaunchersIT {

    /** The checkout: the cli module's parent. */
    private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    @Test
    void theTestCommandFindsAJdk25WithoutJavaHomeAndWithAnOlderJavaFirstOnPath() throws Exception {
        Path oldJava = fakeJdk("17");

        Result result = run(List.of(CHECKOUT.resolve("mvnw").toString(), "-v"), CHECKOUT,
                Map.of("PATH", oldJava.getParent() + ":/usr/bin:/bin"));

        assertThat(result.code()).as(result.out()).isZero();
        Matcher version = Pattern.compile("Java version: (\\d+)").matcher(result.out());
        assertThat(version.find()).as(result.out()).isTrue();
        assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(25);
    }

    @Test
    void theCheckoutLauncherWorksThroughASymbolicLinkOnPath() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("home/.local/bin"));
        Files.createSymbolicLink(bin.resolve("cachectl"), CHECKOUT.resolve("cachectl"));

        // a shell finds it on PATH, as a user's shell does
        Result result = run(List.of("/bin/sh", "-c", "cachectl --version"), tmp, Map.of("PATH", bin + ":/usr/bin:/bin",
                "CACHECTL_SKIP_BUILD", "1"));

        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).startsWith("cachectl ");
    }

    @Test
    void aCachectlJavaOlderThan25IsOneClearLine() throws Exception {
        Path oldJava = fakeJdk("17");

        Result result = run(List.of(DistributionIT.DIST.resolve("bin/cachectl").toString(), "--version"), tmp,
                Map.of("CACHECTL_JAVA", oldJava.toString()));

        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out().strip()).hasLineCount(1)
                .contains("CACHECTL_JAVA (" + oldJava + ") is Java 17, but cachectl needs Java 25 or newer");
    }

    /** A JDK folder whose release file says {@code version} and whose java fails loudly if ever started. */
    private Path fakeJdk(String version) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + ".0.15\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'the old java was started' >&2\nexit 99\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    private static Result run(List<String> command, Path cwd, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("CACHECTL_JAVA");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    private record Result(int code, String out) {
    }
}
