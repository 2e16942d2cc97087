package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin ITs share: the fixture jars ({@link PluginFixtures}), a project and a home per test, and
 * running the real {@code bin/cachectl} in that project.
 */
abstract class PluginProcessTest {

    static final List<String> BUILT_INS = List.of("huggingface", "mlx", "torch", "glossary", "musicbrainz", "tmdb");

    static PluginJars jars;
    static Path shared;
    static Path apiJar;
    static Path whisper;
    static Path lexicon;
    static Path namingLib;
    static Path withDependency;
    static Path corrupt;
    static Path needy;
    static Path split;
    static Path constructorThrows;
    static Path describeThrows;
    static Path futureApi;
    static Path dupA;
    static Path dupB;
    static Path takeover;
    static Path tuned;

    @TempDir
    Path home;

    @TempDir
    Path project;

    /** Compiles the fixture jars (once per JVM) and names them for the tests. */
    @BeforeAll
    static void fixtures() throws IOException {
        PluginFixtures f = PluginFixtures.shared();
        jars = f.jars;
        shared = f.root;
        apiJar = f.apiJar;
        whisper = f.whisper;
        lexicon = f.lexicon;
        namingLib = f.namingLib;
        withDependency = f.withDependency;
        corrupt = f.corrupt;
        needy = f.needy;
        split = f.split;
        constructorThrows = f.constructorThrows;
        describeThrows = f.describeThrows;
        futureApi = f.futureApi;
        dupA = f.dupA;
        dupB = f.dupB;
        takeover = f.takeover;
        tuned = f.tuned;
    }

    /**
     * Runs cachectl in the project with a private config home, so the real user's plugin folder never leaks in
     * (the JVM takes the home directory from the password database, not from {@code $HOME}).
     */
    ProcessResult cachectl(String... args) throws IOException, InterruptedException {
        return DistributionIT.cachectl(project, Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString()), args);
    }

    /** The state column of the first provider row of each id of the {@code providers} table, by id. */
    static Map<String, String> states(String table) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        table.lines().skip(1).takeWhile(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.split("\\s+");
            states.putIfAbsent(cells[0], cells[cells.length - 1]);
        });
        return states;
    }

    /** Runs {@code providers} on a folder holding the working whisper plugin and {@code broken}. */
    ProcessResult providersWithBroken(String folderName, Path... broken) throws Exception {
        Path[] all = new Path[broken.length + 1];
        all[0] = whisper;
        System.arraycopy(broken, 0, all, 1, broken.length);
        Path folder = jars.folder(folderName, all);
        ProcessResult result = cachectl("--plugins", folder.toString(), "providers");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.PROBLEM);
        Map<String, String> states = states(result.out());
        assertThat(states).as(result.out()).containsEntry("whispercpp", "ok");
        BUILT_INS.forEach(id -> assertThat(states).containsEntry(id, "ok"));
        return result;
    }

    static String folderOf(String name) {
        return shared.resolve("folders").resolve(name).toString();
    }

    Path writeConfig(String json) throws IOException {
        Path config = Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json");
        Files.writeString(config, json);
        return config;
    }
}
