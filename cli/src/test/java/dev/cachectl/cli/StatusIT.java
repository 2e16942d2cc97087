package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.RealisticHub;
import dev.cachectl.testkit.RealisticTorch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cachectl status} as a real process of the built distribution, its sizes cross-checked against GNU
 * {@code du} and {@code find} on the same trees.
 */
class StatusIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private Path project;
    private Path home;

    @BeforeEach
    void caches() throws IOException {
        // Readable by everyone, so the unprivileged run below can enter it.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        project = FixtureFiles.directory(temp.resolve("pipeline"));
        home = FixtureFiles.directory(temp.resolve("home"));
        RealisticHub.build(project.resolve(".cache/huggingface"));
        RealisticTorch.build(project.resolve(".cache/torch"));
        for (int i = 0; i < 500; i++) {
            FixtureFiles.write(project.resolve("out/tmdb_cache/" + (i % 10) + "/movie-" + i + ".json"), 37 * i);
        }
        Path glossary = FixtureFiles.write(project.resolve("glossary/cache/terms.json"), 12_345);
        Files.createLink(project.resolve("glossary/cache/terms-hardlink.json"), glossary);
        FixtureFiles.write(project.resolve("shared/model-cache/whisper/medium.pt"), 8_000);
    }

    @Test
    void sizesEqualDuAndFindOnTheSameTrees() throws Exception {
        assumeTrue(runs("du", "--version") && runs("find", "--version"), "GNU du and find are not installed");
        var result = DistributionIT.cachectl(project, Map.of("HOME", home.toString()), "status", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode document = JSON.readTree(result.out());
        assertThat(document.path("schema_version").asInt()).isEqualTo(1);
        int checked = 0;
        for (JsonNode cache : document.path("caches")) {
            if (!cache.path("exists").asBoolean()) {
                continue;
            }
            String dir = cache.path("path").asString();
            String what = cache.path("provider").asString("legacy") + " " + dir;
            if (document.path("disk_bytes_exact").asBoolean()) {
                assertThat(cache.path("disk_bytes").asLong()).as("disk_bytes of " + what)
                        .isEqualTo(firstNumber(run(List.of("du", "-s", "-B1", dir))));
            } else {
                // An estimate (whole 4 KiB blocks from apparent sizes): it never counts less than the files hold.
                assertThat(cache.path("disk_bytes").asLong()).as("estimated disk_bytes of " + what)
                        .isGreaterThanOrEqualTo(cache.path("apparent_bytes").asLong() - 4096L * cache.path("symlinks").asLong());
            }
            assertThat(cache.path("apparent_bytes").asLong()).as("apparent_bytes of " + what)
                    .isEqualTo(firstNumber(run(List.of("du", "-s", "-b", dir))));
            assertThat(cache.path("files").asLong()).as("files of " + what)
                    .isEqualTo(run(List.of("find", dir, "-type", "f")).lines().count());
            assertThat(cache.path("dirs").asLong()).as("dirs of " + what)
                    .isEqualTo(run(List.of("find", dir, "-type", "d")).lines().count());
            checked++;
        }
        assertThat(checked).as("huggingface, torch, tmdb, glossary and the legacy cache exist").isEqualTo(5);
        assertThat(document.path("totals").path("all").path("files").asLong()).isEqualTo(
                sumOf(document, "files"));
    }

    @Test
    void anUnreadableFolderIsReportedAndTheRestMeasured() throws Exception {
        assumeTrue(runs("du", "--version"), "GNU du is not installed");
        List<String> asUser = unprivileged();
        Path blobs = project.resolve(".cache/huggingface/hub/" + RealisticHub.WHISPER + "/blobs");
        Files.setPosixFilePermissions(blobs, PosixFilePermissions.fromString("---------"));
        try {
            List<String> command = new ArrayList<>(asUser);
            command.addAll(List.of(DistributionIT.DIST.resolve("bin/cachectl").toString(), "status", "huggingface",
                    "--json"));
            command.addAll(List.of("--project", project.toString()));
            ProcessOutput result = exec(command, Map.of("HOME", home.toString()));

            assertThat(result.code()).as(result.err()).isZero();
            JsonNode document = JSON.readTree(result.out());
            JsonNode hf = document.path("caches").get(0);
            List<String> du = new ArrayList<>(asUser);
            du.addAll(List.of("du", "-s", "-b", hf.path("path").asString()));
            // du also fails on that folder (exit 1) and prints the total of the rest.
            assertThat(hf.path("apparent_bytes").asLong()).isEqualTo(firstNumber(exec(du, Map.of()).out()));
            List<String> codes = document.path("warnings").findValuesAsString("code");
            assertThat(codes).contains("SCAN_INCOMPLETE");
            assertThat(document.path("warnings").toString()).contains(blobs.toString());
        } finally {
            Files.setPosixFilePermissions(blobs, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void unknownProviderExitsTwo() throws Exception {
        var result = DistributionIT.cachectl(project, Map.of("HOME", home.toString()), "status", "nope");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("cachectl: unknown provider 'nope'; known providers: huggingface");
        assertThat(result.out()).isEmpty();
    }

    /** A prefix running a command as an unprivileged user: none when we are one, setpriv when root. */
    private static List<String> unprivileged() throws Exception {
        String uid = run(List.of("id", "-u")).strip();
        if (!uid.equals("0")) {
            return List.of();
        }
        assumeTrue(runs("setpriv", "--version"), "running as root without setpriv: cannot make a folder unreadable");
        return List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
    }

    private static long sumOf(JsonNode document, String field) {
        long sum = 0;
        for (JsonNode cache : document.path("caches")) {
            sum += cache.path(field).asLong();
        }
        return sum;
    }

    private static long firstNumber(String output) {
        return Long.parseLong(output.strip().split("\\s+")[0]);
    }

    private static boolean runs(String... command) {
        try {
            return exec(List.of(command), Map.of()).code() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessOutput output = exec(command, Map.of());
        assertThat(output.code()).as(String.join(" ", command) + ": " + output.err()).isZero();
        return output.out();
    }

    private static ProcessOutput exec(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = new HashMap<>(env);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        return new ProcessOutput(process.waitFor(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private record ProcessOutput(int code, String out, String err) {
    }
}
