package dev.cachectl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for the distribution's AOT cache (JDK 25, JEP 483/514): the build starts this class with
 * {@code -XX:AOTCacheOutput}, it runs the everyday commands in process on a small throw-away project, and the
 * JVM archives every class they loaded and linked. Not a user command.
 */
final class AotTraining {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("providers"),
            List.of("providers", "--json"),
            List.of("validate"),
            List.of("validate", "--format", "json"),
            List.of("status"),
            List.of("status", "--json"),
            List.of("status", "--details", "--json"),
            List.of("env"),
            List.of("env", "--shell", "json"),
            List.of("doctor", "--json"),
            List.of("clear", "all", "--dry-run"),
            // last: really deletes (the throw-away project's caches), so the deleter is trained too
            List.of("clear", "all", "--yes"));

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        // What Main.main adds around a run: the interrupt notice's hook (disarmed, so it never prints here).
        InterruptNotice.install(System.err, false).disarm();
        Path project = Files.createTempDirectory("cachectl-aot-training");
        try {
            seed(project);
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            for (List<String> command : COMMANDS) {
                // Commands not built yet simply fail with a usage error; the classes they load still count.
                Main.run(new Invocation(project, Map.of("HOME", project.toString(), "SHELL", "/bin/bash"), project,
                        sink, sink, java.io.InputStream.nullInputStream(), false), command.toArray(String[]::new));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(project)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void seed(Path project) throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), """
                { "cache": {
                    "base_dir": ".cache",
                    "torch_home": ".cache/torch",
                    "hf_home": ".cache/huggingface",
                    "mlx_home": ".cache/mlx",
                    "application_caches": {
                      "tmdb": "out/tmdb_cache",
                      "musicbrainz": "out/musicbrainz_cache",
                      "glossary": "glossary/cache" } } }
                """);
        Path blobs = Files.createDirectories(project.resolve(".cache/huggingface/hub/models--org--model/blobs"));
        Files.writeString(blobs.resolve("0123abcd"), "{\"weights\": true}");
        Path snapshot = Files.createDirectories(project.resolve(
                ".cache/huggingface/hub/models--org--model/snapshots/aaaaaaaa"));
        Files.createSymbolicLink(snapshot.resolve("config.json"), Path.of("../../blobs/0123abcd"));
        Path refs = Files.createDirectories(project.resolve(".cache/huggingface/hub/models--org--model/refs"));
        Files.writeString(refs.resolve("main"), "aaaaaaaa");
        Path tmdb = Files.createDirectories(project.resolve("out/tmdb_cache"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(tmdb.resolve("movie-" + i + ".json"), "{\"id\": " + i + "}");
        }
        // Thousands of entries, so the walker's hot loop runs long enough in training for the cache to keep
        // its profile: the JIT then compiles it early in a real run (first 168k-entry walk 0.49 s -> 0.38 s).
        Path musicbrainz = Files.createDirectories(project.resolve("out/musicbrainz_cache"));
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(musicbrainz.resolve("d" + d).resolve("e" + d));
            for (int i = 0; i < 60; i++) {
                Files.writeString(dir.resolve("r" + i + ".json"), "{}");
            }
        }
    }
}
