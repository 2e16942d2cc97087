package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the built distribution (cli/target/cachectl) as a real process, from a foreign working directory. */
class DistributionIT {

    static final Path DIST = Path.of(System.getProperty("cachectl.dist", "target/cachectl")).toAbsolutePath();

    @TempDir
    Path workDir;

    /** Runs {@code bin/cachectl} with the given arguments in {@code cwd}. */
    static ProcessResult cachectl(Path cwd, String... args) throws IOException, InterruptedException {
        return cachectl(cwd, java.util.Map.of(), args);
    }

    /** Runs {@code bin/cachectl} with extra environment variables. */
    static ProcessResult cachectl(Path cwd, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return launch(DIST.resolve("bin/cachectl"), cwd, env, args);
    }

    /** Runs a copy of the launcher from the test's working directory. */
    private ProcessResult run(Path launcher, String... args) throws IOException, InterruptedException {
        launcher.toFile().setExecutable(true);
        return launch(launcher, workDir, java.util.Map.of(), args);
    }

    private static ProcessResult launch(Path launcher, Path cwd, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().remove("CACHECTL_JAVA"); // the distribution's own runtime, as users run it
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        int code = process.waitFor();
        return new ProcessResult(code, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The outcome of a real process. */
    record ProcessResult(int exitCode, String out, String err) {
    }

    @Test
    void distributionHasLaunchersAndLibraries() throws IOException {
        assertThat(DIST.resolve("bin/cachectl")).isExecutable();
        assertThat(DIST.resolve("bin/cachectl.cmd")).exists();
        try (var jars = Files.list(DIST.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("cachectl-cli-"))
                    .anyMatch(n -> n.startsWith("cachectl-providers-ml-"))
                    .anyMatch(n -> n.startsWith("picocli-"));
        }
    }

    @Test
    void theDistributionRunsOnItsOwnRuntimeImage() throws Exception {
        ProcessResult result = cachectl(workDir, java.util.Map.of("CACHECTL_JAVA_OPTS",
                "-XshowSettings:properties -version"), "--version");

        // -XshowSettings prints the JVM's properties to stderr: java.home is the image inside the distribution.
        assertThat(result.err()).contains("java.home = " + DIST.resolve("runtime").toRealPath());
        assertThat(Files.isExecutable(DIST.resolve("runtime/bin/java"))).isTrue();
    }

    @Test
    void aCopiedDistributionKeepsItsAotCache() throws Exception {
        // With the modules linked into the runtime image there is no module path for the cache to mismatch:
        // an installed copy starts as fast as the build's own.
        Path copy = workDir.resolve("installed");
        try (var paths = Files.walk(DIST)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = copy.resolve(DIST.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        ProcessResult result = launch(copy.resolve("bin/cachectl"), workDir, java.util.Map.of("CACHECTL_JAVA_OPTS",
                "-Xlog:class+load=info:stdout"), "--version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("dev\\.cachectl\\.cli\\.Main source: shared objects file");
    }

    @Test
    void cachectlJavaRunsTheJarsOnAnotherJdk() throws Exception {
        ProcessResult result = cachectl(workDir, java.util.Map.of("CACHECTL_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()), "--version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("cachectl ");
    }

    @Test
    void aDistributionWithoutItsRuntimeSaysHowToFixIt() throws Exception {
        Path copy = Files.createDirectories(workDir.resolve("partial/bin"));
        Files.copy(DIST.resolve("bin/cachectl"), copy.resolve("cachectl"));
        ProcessResult result = run(copy.resolve("cachectl"), "--version");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("runtime is missing").contains("CACHECTL_JAVA");
    }

    @Test
    void versionRunsFromAnyDirectory() throws Exception {
        ProcessResult result = cachectl(workDir, "--version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("cachectl ").contains("Java 25");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "--help"})
    void versionAndHelpLoadNoJacksonNoValidatorNoProviders(String option) throws Exception {
        // With the AOT cache the JVM maps every archived class up front; switch it off to see what the code
        // path itself loads.
        ProcessResult result = cachectl(workDir, java.util.Map.of("CACHECTL_JAVA_OPTS",
                "-XX:AOTMode=off -Xlog:class+load=info:stdout"), option);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("dev.cachectl.cli.Main")
                .doesNotContain("tools.jackson.").doesNotContain("com.networknt.")
                .doesNotContain("dev.cachectl.providers.")
                .doesNotContain("dev.cachectl.core.config.ConfigLoader");
    }

    @Test
    void theDistributionShipsAnAotCacheThatTheLauncherUses() throws Exception {
        assertThat(DIST.resolve("lib/cachectl.aot")).isNotEmptyFile();
        ProcessResult result = cachectl(workDir, java.util.Map.of("CACHECTL_JAVA_OPTS",
                "-Xlog:class+load=info:stdout"), "--version");

        // Classes served from the AOT cache are logged with "source: shared objects file".
        assertThat(result.out()).containsPattern("dev\\.cachectl\\.cli\\.Main source: shared objects file");
        // picocli is compiled for Java 5; the build upgrades its class files so the cache can keep them
        // (src/build/UpgradeClassFiles.java). Not one of them may come from its jar.
        assertThat(result.out()).containsPattern("picocli\\.CommandLine source: shared objects file")
                .doesNotContainPattern("picocli\\.\\S+ source: (file|jar):");
    }

    @Test
    void providersListsTheSixBuiltIns() throws Exception {
        ProcessResult result = cachectl(workDir, "providers", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        for (String id : List.of("torch", "huggingface", "mlx", "tmdb", "musicbrainz", "glossary")) {
            assertThat(result.out()).contains("\"id\" : \"" + id + "\"");
        }
        assertThat(result.out()).doesNotContain("\"state\" : \"failed\"");
    }

    @Test
    void usageErrorExitsTwoWithOneLineOnStderr() throws Exception {
        ProcessResult result = cachectl(workDir, "providers", "--no-such-option");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(1).first().asString().startsWith("cachectl: ");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.cachectl.providers.ml", "dev.cachectl.providers.app", "dev.cachectl.api",
            "dev.cachectl.schemas"})
    void moduleDescriptorsMatchTheExpectedFiles(String module) throws IOException {
        String artifact = "cachectl-" + module.substring("dev.cachectl.".length()).replace('.', '-') + "-";
        Path jar;
        try (var jars = Files.list(DIST.resolve("lib"))) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith(artifact)).findFirst().orElseThrow();
        }
        ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = jarTool.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "--describe-module", "--file", jar.toString());
        assertThat(code).isZero();
        // The first line names the jar's location and version; the rest is the descriptor itself.
        List<String> described = out.toString(StandardCharsets.UTF_8).lines().skip(1)
                .filter(line -> !line.isBlank()).sorted().toList();
        List<String> expected;
        try (InputStream in = DistributionIT.class.getResourceAsStream("/module-descriptors/" + module + ".txt")) {
            assertThat(in).as("expected descriptor file for " + module).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).sorted().toList();
        }
        assertThat(described).as("jar --describe-module of " + jar.getFileName()
                + " (update cli/src/test/resources/module-descriptors/" + module + ".txt when the change is meant)")
                .isEqualTo(expected);
    }
}
