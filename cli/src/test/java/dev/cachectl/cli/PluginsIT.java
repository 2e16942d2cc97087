package dev.cachectl.cli;

import static dev.cachectl.cli.DistributionIT.DIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party providers as jars, end to end: plugin jars are compiled during the test against the
 * distribution's api jar, dropped into plugin folders, and the real {@code bin/cachectl} loads them. Each broken
 * jar is checked for its exact diagnostic, for exit code 1, and for every other provider still working.
 */
class PluginsIT {

    static final List<String> BUILT_INS = List.of("huggingface", "mlx", "torch", "glossary", "musicbrainz", "tmdb");

    @TempDir
    static Path shared;

    static PluginJars jars;
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

    /** Compiles every fixture jar once for the class. */
    @BeforeAll
    static void buildPluginJars() throws IOException {
        apiJar = PluginJars.find(DIST.resolve("lib"), "cachectl-api-");
        jars = new PluginJars(apiJar, shared);
        whisper = modular("whisper-models.jar", "com.example.whisper",
                ProviderSource.of("com.example.whisper.WhisperCppProvider", "whispercpp"));
        ProviderSource lexiconSource = ProviderSource.of("org.example.lexicon.LexiconProvider", "lexicon").application();
        lexicon = jars.jar("lexicon-plain.jar").source(lexiconSource.path(), lexiconSource.text())
                .resource("META-INF/services/dev.cachectl.api.CacheProvider", lexiconSource.qualifiedName() + "\n")
                .build();
        namingLib = jars.jar("naming-lib.jar")
                .source("module-info.java", "module com.example.naming { exports com.example.naming; }")
                .source("com/example/naming/Names.java", """
                        package com.example.naming;
                        public final class Names {
                            public static String displayName(String id) { return "Named by a library: " + id; }
                        }
                        """).build();
        ProviderSource withDependencySource = ProviderSource.of("com.example.withdep.WithDependencyProvider", "withdep")
                .displayName("return com.example.naming.Names.displayName(id());");
        withDependency = jars.jar("withdep.jar")
                .source("module-info.java", moduleInfo("com.example.withdep", withDependencySource,
                        "requires com.example.naming;"))
                .source(withDependencySource.path(), withDependencySource.text())
                .compiledAgainst(namingLib).build();
        corrupt = shared.resolve("jars/corrupt.jar");
        Files.writeString(corrupt, "this is not a zip file");
        Path missingLib = jars.jar("missing-lib.jar")
                .source("module-info.java", "module com.example.missing { exports com.example.missing; }")
                .source("com/example/missing/Gone.java", "package com.example.missing; public final class Gone {}")
                .build();
        ProviderSource needySource = ProviderSource.of("com.example.needy.NeedyProvider", "needy");
        needy = jars.jar("needy.jar")
                .source("module-info.java", moduleInfo("com.example.needy", needySource, "requires com.example.missing;"))
                .source(needySource.path(), needySource.text()).compiledAgainst(missingLib).build();
        ProviderSource splitSource = ProviderSource.of("com.example.split.SplitProvider", "split");
        split = jars.jar("split.jar")
                .source("module-info.java", moduleInfo("com.example.split", splitSource, ""))
                .source(splitSource.path(), splitSource.text())
                .sourceCompiledApart("dev/cachectl/api/Sneaky.java", "package dev.cachectl.api; public class Sneaky {}")
                .build();
        constructorThrows = modular("ctor-throws.jar", "com.example.ctor",
                ProviderSource.of("com.example.ctor.LicensedProvider", "licensed")
                        .constructor("throw new IllegalStateException(\"no license key\");"));
        describeThrows = modular("spi-throws.jar", "com.example.spi",
                ProviderSource.of("com.example.spi.MoodyProvider", "moody")
                        .displayName("throw new UnsupportedOperationException(\"not in the mood\");"));
        futureApi = modular("future-api.jar", "com.example.future",
                ProviderSource.of("com.example.future.FutureProvider", "future").apiVersion("99"));
        dupA = modular("dup-a.jar", "com.example.dupa", ProviderSource.of("com.example.dupa.DupProvider", "dup"));
        dupB = modular("dup-b.jar", "com.example.dupb", ProviderSource.of("com.example.dupb.DupProvider", "dup"));
        takeover = modular("takeover.jar", "com.example.takeover",
                ProviderSource.of("com.example.takeover.TorchProvider", "torch"));
        ProviderSource tunedSource = ProviderSource.of("com.example.tuned.TunedProvider", "tuned").application();
        tuned = jars.jar("tuned.jar").source("module-info.java", moduleInfo("com.example.tuned", tunedSource, ""))
                .source(tunedSource.path(), tunedSource.text())
                .resource("META-INF/cachectl/providers/tuned.schema.json", """
                        {
                          "$schema": "https://json-schema.org/draft/2020-12/schema",
                          "type": "object",
                          "properties": {
                            "threads": { "type": "integer", "minimum": 1 },
                            "languages": { "type": "array", "items": { "type": "string", "pattern": "^[a-z]{2}$" } }
                          },
                          "additionalProperties": false
                        }
                        """).build();
    }

    private static Path modular(String fileName, String module, ProviderSource provider) throws IOException {
        return jars.jar(fileName).source("module-info.java", moduleInfo(module, provider, ""))
                .source(provider.path(), provider.text()).build();
    }

    private static String moduleInfo(String module, ProviderSource provider, String extra) {
        return "module " + module + " { requires dev.cachectl.api; " + extra
                + " provides dev.cachectl.api.CacheProvider with " + provider.qualifiedName() + "; }";
    }

    /**
     * Runs cachectl in the project with a private config home, so the real user's plugin folder never leaks in
     * (the JVM takes the home directory from the password database, not from {@code $HOME}).
     */
    private ProcessResult cachectl(String... args) throws IOException, InterruptedException {
        return DistributionIT.cachectl(project, Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString()), args);
    }

    /** The state column of the first provider row of each id of the {@code providers} table, by id. */
    private static Map<String, String> states(String table) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        table.lines().skip(1).takeWhile(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.split("\\s+");
            states.putIfAbsent(cells[0], cells[cells.length - 1]);
        });
        return states;
    }

    /** Runs {@code providers} on a folder holding the working whisper plugin and {@code broken}. */
    private ProcessResult providersWithBroken(String folderName, Path... broken) throws Exception {
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

    private static String folderOf(String name) {
        return shared.resolve("folders").resolve(name).toString();
    }

    @Test
    void aModularPluginIsListedWithItsJarAndLayer() throws Exception {
        Path folder = jars.folder("modular", whisper);

        ProcessResult result = cachectl("--plugins", folder.toString(), "providers", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("""
                    "id" : "whispercpp",
                    "display_name" : "Plugin whispercpp",
                    "category" : "model",
                    "version" : "unknown",
                    "api_version" : 1,
                    "module" : "com.example.whisper",
                    "layer" : "plugin",
                    "jar" : "%s",
                    "source" : "%s",
                    "config_key" : "cache.model_caches.whispercpp",
                    "default_path" : ".cache/whispercpp",
                    "state" : "ok",
                """.formatted(folder.resolve("whisper-models.jar"), folder.resolve("whisper-models.jar")));
        assertThat(result.out()).contains("\"layer\" : \"boot\"").doesNotContain("\"state\" : \"failed\"");
    }

    @Test
    void aPlainJarWithServiceEntriesWorksAsAnAutomaticModule() throws Exception {
        Path folder = jars.folder("plain", lexicon);

        ProcessResult result = cachectl("--plugins", folder.toString(), "providers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("lexicon +Plugin lexicon +application +unknown +lexicon.plain +"
                + java.util.regex.Pattern.quote(folder.resolve("lexicon-plain.jar").toString()) + " +ok");
    }

    @Test
    void aPluginMayBringItsDependencyInTheSameFolder() throws Exception {
        Path folder = jars.folder("with-dependency", withDependency, namingLib);

        ProcessResult result = cachectl("--plugins", folder.toString(), "providers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("withdep +Named by a library: withdep +model +unknown"
                + " +com.example.withdep +");
        assertThat(states(result.out())).containsEntry("withdep", "ok").doesNotContainKey("naming-lib.jar");
    }

    @Test
    void aPluginWhoseDependencyIsMissingIsReportedWithTheFix() throws Exception {
        ProcessResult result = providersWithBroken("dependency-missing", withDependency);

        assertThat(result.err()).isEqualTo("cachectl: plugin " + folderOf("dependency-missing") + "/withdep.jar"
                + " failed: module com.example.withdep requires module com.example.naming, which is neither in "
                + folderOf("dependency-missing") + " nor part of cachectl; put the jar of com.example.naming in that"
                + " folder or remove withdep.jar\n");
    }

    @Test
    void aCorruptJarIsReportedAndTheOthersWork() throws Exception {
        ProcessResult result = providersWithBroken("corrupt", corrupt);

        assertThat(result.err()).isEqualTo("cachectl: plugin " + folderOf("corrupt") + "/corrupt.jar failed: not a"
                + " readable jar (zip END header not found); rebuild or download it again, or remove it\n");
        assertThat(states(result.out())).containsEntry("corrupt.jar", "failed");
    }

    @Test
    void aModuleRequiringAMissingModuleIsReported() throws Exception {
        ProcessResult result = providersWithBroken("unresolvable", needy);

        assertThat(result.err()).isEqualTo("cachectl: plugin " + folderOf("unresolvable") + "/needy.jar failed:"
                + " module com.example.needy requires module com.example.missing, which is neither in "
                + folderOf("unresolvable") + " nor part of cachectl; put the jar of com.example.missing in that folder"
                + " or remove needy.jar\n");
    }

    @Test
    void aSplitPackageWithABuiltInModuleIsReported() throws Exception {
        ProcessResult result = providersWithBroken("split", split);

        assertThat(result.err()).isEqualTo("cachectl: plugin " + folderOf("split") + "/split.jar failed: module"
                + " com.example.split contains package dev.cachectl.api, which module dev.cachectl.api (part of"
                + " cachectl) also exports (a split package); a package may live in one module only: move these"
                + " classes to a package of the plugin's own, or remove split.jar\n");
    }

    @Test
    void aSecondCopyOfTheApiModuleIsRefused() throws Exception {
        Path copy = shared.resolve("jars/cachectl-api-copy.jar");
        if (!Files.exists(copy)) {
            Files.copy(apiJar, copy);
        }

        ProcessResult result = providersWithBroken("api-copy", copy);

        assertThat(result.err()).isEqualTo("cachectl: plugin " + folderOf("api-copy") + "/cachectl-api-copy.jar"
                + " failed: contains module dev.cachectl.api, a second copy of a module of cachectl itself; plugins"
                + " use the one cachectl ships: remove this jar from the folder (copy only the plugin and its own"
                + " dependencies)\n");
    }

    @Test
    void aConstructorThatThrowsIsReported() throws Exception {
        ProcessResult result = providersWithBroken("constructor", constructorThrows);

        assertThat(result.err()).isEqualTo("cachectl: provider 'com.example.ctor.LicensedProvider' ("
                + folderOf("constructor") + "/ctor-throws.jar) failed: could not be instantiated:"
                + " IllegalStateException: no license key; fix the provider class or remove its jar\n");
    }

    @Test
    void anSpiCallThatThrowsIsReported() throws Exception {
        ProcessResult result = providersWithBroken("spi-call", describeThrows);

        assertThat(result.err()).isEqualTo("cachectl: provider 'moody' (" + folderOf("spi-call") + "/spi-throws.jar)"
                + " failed: failed while describing itself: UnsupportedOperationException: not in the mood; report it"
                + " to the provider's author or remove its jar\n");
    }

    @Test
    void anIncompatibleApiVersionIsReported() throws Exception {
        ProcessResult result = providersWithBroken("api-version", futureApi);

        assertThat(result.err()).isEqualTo("cachectl: provider 'future' (" + folderOf("api-version")
                + "/future-api.jar) failed: built against cachectl API version 99, but this cachectl supports"
                + " versions 1 to 1; rebuild the provider against this cachectl's api jar\n");
    }

    @Test
    void twoJarsWithOneIdAreAnErrorNamingBoth() throws Exception {
        ProcessResult result = providersWithBroken("duplicate-id", dupA, dupB);

        assertThat(result.err()).isEqualTo("cachectl: provider 'dup' (" + folderOf("duplicate-id") + "/dup-b.jar)"
                + " failed: duplicate provider id 'dup': already provided by com.example.dupa ("
                + folderOf("duplicate-id") + "/dup-a.jar), which is used; remove one of the two jars or give one of"
                + " the providers another id\n");
        assertThat(result.out()).containsPattern("dup +Plugin dup +model +unknown +com.example.dupa +.*dup-a.jar +ok");
    }

    @Test
    void aBuiltInIdCannotBeTakenOver() throws Exception {
        ProcessResult result = providersWithBroken("takeover", takeover);

        assertThat(result.err()).isEqualTo("cachectl: provider 'torch' (" + folderOf("takeover") + "/takeover.jar)"
                + " failed: the id 'torch' belongs to the built-in provider of dev.cachectl.providers.ml; built-in ids"
                + " cannot be taken over: give this provider another id\n");
        assertThat(result.out()).containsPattern("torch +PyTorch hub +model .* built-in +ok");
    }

    @Test
    void everyBrokenJarAtOnceIsReportedAndTheGoodOnesStillWork() throws Exception {
        Path folder = jars.folder("everything", whisper, lexicon, withDependency, namingLib, corrupt, needy, split,
                constructorThrows, describeThrows, futureApi, dupA, dupB, takeover);

        ProcessResult result = cachectl("--plugins", folder.toString(), "providers", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.err().lines().map(line -> line.substring(0, line.indexOf(" failed: "))))
                .containsExactlyInAnyOrder(
                        "cachectl: plugin " + folder.resolve("corrupt.jar"),
                        "cachectl: plugin " + folder.resolve("needy.jar"),
                        "cachectl: plugin " + folder.resolve("split.jar"),
                        "cachectl: provider 'com.example.ctor.LicensedProvider' (" + folder.resolve("ctor-throws.jar") + ")",
                        "cachectl: provider 'moody' (" + folder.resolve("spi-throws.jar") + ")",
                        "cachectl: provider 'future' (" + folder.resolve("future-api.jar") + ")",
                        "cachectl: provider 'dup' (" + folder.resolve("dup-b.jar") + ")",
                        "cachectl: provider 'torch' (" + folder.resolve("takeover.jar") + ")");
        for (String id : List.of("whispercpp", "lexicon", "withdep", "dup")) {
            assertThat(result.out()).contains("\"id\" : \"" + id + "\"");
        }
        assertThat(result.out()).contains("\"error_code\" : \"PLUGIN_UNREADABLE\"", "\"error_code\" : \"PLUGIN_UNRESOLVED\"",
                "\"error_code\" : \"PROVIDER_INSTANTIATION\"", "\"error_code\" : \"PROVIDER_CALL\"",
                "\"error_code\" : \"PROVIDER_API_VERSION\"", "\"error_code\" : \"PROVIDER_DUPLICATE_ID\"");
    }

    @Test
    void projectAndUserFoldersAreSearchedAfterPluginsOptionsAndTheWorkingDirectoryIsNot() throws Exception {
        Path option = jars.folder("option-first", dupA);
        Path projectFolder = Files.createDirectories(project.resolve(".cachectl/plugins"));
        Files.copy(dupB, projectFolder.resolve("dup-b.jar"));
        Files.copy(lexicon, projectFolder.resolve("lexicon-plain.jar"));
        Path userFolder = Files.createDirectories(home.resolve(".config/cachectl/plugins"));
        Files.copy(whisper, userFolder.resolve("whisper-models.jar"));
        Files.copy(withDependency, project.resolve("withdep.jar"));
        Files.copy(namingLib, project.resolve("naming-lib.jar"));

        ProcessResult result = cachectl("--plugins", option.toString(), "providers", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.err()).startsWith("cachectl: provider 'dup' (" + projectFolder.resolve("dup-b.jar")
                + ") failed: duplicate provider id 'dup': already provided by com.example.dupa ("
                + option.resolve("dup-a.jar") + ")");
        assertThat(result.out()).contains("\"id\" : \"whispercpp\"", "\"id\" : \"lexicon\"")
                .doesNotContain("\"id\" : \"withdep\"");
        assertThat(result.out()).contains("""
                  "plugin_dirs" : [ {
                    "path" : "%s",
                    "origin" : "option",
                    "exists" : true
                  }, {
                    "path" : "%s",
                    "origin" : "project",
                    "exists" : true
                  }, {
                    "path" : "%s",
                    "origin" : "user",
                    "exists" : true
                  } ]
                """.formatted(option, projectFolder, userFolder));
    }

    @Test
    void theUserFolderFollowsXdgConfigHome() throws Exception {
        Path config = Files.createDirectories(home.resolve("elsewhere"));
        Files.createDirectories(config.resolve("cachectl/plugins"));
        Files.copy(whisper, config.resolve("cachectl/plugins/whisper-models.jar"));

        ProcessResult result = DistributionIT.cachectl(project, Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", config.toString()), "providers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(states(result.out())).containsEntry("whispercpp", "ok");
        assertThat(result.out()).contains("Plugin folders, in search order:",
                "  1. " + project.toRealPath().resolve(".cachectl/plugins") + " (project, does not exist)",
                "  2. " + config.resolve("cachectl/plugins") + " (user)");
    }

    @Test
    void aMissingPluginsFolderIsAUsageError() throws Exception {
        ProcessResult result = cachectl("--plugins", "no-such-folder", "providers");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("cachectl: --plugins " + project.toRealPath().resolve("no-such-folder")
                + ": no such folder; check the path (it is relative to the working directory)\n");
        assertThat(result.out()).isEmpty();
    }

    private Path writeConfig(String json) throws IOException {
        Path config = Files.createDirectories(project.resolve("config")).resolve("hardware_cache.json");
        Files.writeString(config, json);
        return config;
    }

    @Test
    void validateAppliesAPluginsSettingsSchemaToItsSection() throws Exception {
        Path folder = jars.folder("settings-valid", tuned);
        writeConfig("""
                {
                  "cache": {
                    "application_caches": { "tuned": "out/tuned-cache" },
                    "providers": { "tuned": { "threads": 4, "languages": ["en", "hi"] } }
                  }
                }
                """);

        ProcessResult result = cachectl("--plugins", folder.toString(), "validate");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void invalidPluginSettingsAreReportedWithFileLineAndColumn() throws Exception {
        Path folder = jars.folder("settings-invalid", tuned);
        writeConfig("""
                {
                  "cache": {
                    "providers": {
                      "tuned": { "threads": 0, "languages": ["en", "Hindi"],
                                 "thread": 2 }
                    }
                  }
                }
                """);

        ProcessResult result = cachectl("--plugins", folder.toString(), "validate");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).isEqualTo("""
                config/hardware_cache.json:4:29: CFG_PROVIDER_SETTINGS cache.providers.tuned.threads: %s (the settings\
                 schema of provider 'tuned'; see its documentation) (at /cache/providers/tuned/threads)
                config/hardware_cache.json:4:52: CFG_PROVIDER_SETTINGS cache.providers.tuned.languages[1]: %s (the\
                 settings schema of provider 'tuned'; see its documentation) (at /cache/providers/tuned/languages/1)
                config/hardware_cache.json:5:18: CFG_PROVIDER_SETTINGS unknown key "thread" in cache.providers.tuned:\
                 did you mean "threads"? (the settings schema of provider 'tuned'; see its documentation) (at\
                 /cache/providers/tuned/thread)
                config/hardware_cache.json: invalid, 3 errors
                """.formatted("must have a minimum value of 1", "does not match the regex pattern ^[a-z]{2}$"));
        assertThat(result.err()).isEqualTo("cachectl: config/hardware_cache.json: invalid, 3 errors (listed on"
                + " stdout)\n");
    }

    @Test
    void settingsOfAPluginThatIsNotInstalledAreAnError() throws Exception {
        writeConfig("{\"cache\": {\"providers\": {\"tuned\": {\"threads\": 4}}}}");

        ProcessResult result = cachectl("validate");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).startsWith("config/hardware_cache.json:1:26: CFG_UNKNOWN_PROVIDER"
                + " cache.providers.tuned: no provider with id 'tuned' is loaded; ");
    }

    @Test
    void envExportsPluginVariablesForTheConfiguredAndTheDefaultDirectories() throws Exception {
        Path folder = jars.folder("env", whisper, tuned);
        writeConfig("{\"cache\": {\"base_dir\": \"models\", \"application_caches\": {\"tuned\": \"out/t\"}}}");

        ProcessResult result = cachectl("--plugins", folder.toString(), "env", "--shell", "bash");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path root = project.toRealPath();
        assertThat(result.out()).contains("export WHISPERCPP_HOME='" + root.resolve("models/whispercpp") + "'\n",
                "export TUNED_HOME='" + root.resolve("out/t") + "'\n");
    }

    @Test
    void envNamesABrokenPluginAndStillExportsTheOthers() throws Exception {
        Path folder = jars.folder("env-broken", whisper, constructorThrows);

        ProcessResult result = cachectl("--plugins", folder.toString(), "env", "--shell", "bash");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("export WHISPERCPP_HOME=", "export HF_HOME=");
        assertThat(result.err()).contains("com.example.ctor.LicensedProvider", "no license key");
    }

    @Test
    void theSampleProviderOfTheDocsLoadsValidatesAndExports() throws Exception {
        Path sample = Path.of(System.getProperty("cachectl.sample", "../docs/provider-sample")).toAbsolutePath();
        Path jar = jars.jar("cachectl-nltk-provider.jar")
                .tree(sample.resolve("src/main/java"), sample.resolve("src/main/resources")).build();
        Path folder = jars.folder("sample", jar);
        writeConfig("{\"cache\": {\"providers\": {\"nltk\": {\"packages\": [\"punkt\", \"wordnet\"]}}}}");

        Path data = Files.createDirectories(project.resolve(".cache/nltk_data/corpora/wordnet"));
        Files.writeString(data.resolveSibling("wordnet.zip"), "0123456789");
        Files.createDirectories(project.resolve(".cache/nltk_data/tokenizers/punkt"));
        Files.createDirectories(project.resolve(".cache/nltk_data/stray"));

        ProcessResult providers = cachectl("--plugins", folder.toString(), "providers");
        ProcessResult validate = cachectl("--plugins", folder.toString(), "validate");
        ProcessResult env = cachectl("--plugins", folder.toString(), "env", "--shell", "bash");
        ProcessResult status = cachectl("--plugins", folder.toString(), "status", "nltk", "--details", "--json");

        assertThat(providers.exitCode()).as(providers.err()).isZero();
        assertThat(providers.out()).containsPattern("nltk +NLTK data +model +unknown +com.example.cachectl.nltk +");
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(env.out()).contains("export NLTK_DATA='" + project.toRealPath().resolve(".cache/nltk_data") + "'");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().replaceAll("\\s+", " ")).contains("\"provider\" : \"nltk\", \"category\" : \"model\"",
                "\"exists\" : true", "\"files\" : 1,",
                "\"details\" : { \"packages\" : { \"corpora\" : [ \"wordnet\" ], \"tokenizers\" : [ \"punkt\" ] } }",
                "\"code\" : \"NLTK_UNKNOWN_FOLDER\"");
    }

    @Test
    void statusShowsPluginCachesAndNamesABrokenPlugin() throws Exception {
        Path folder = jars.folder("status", whisper, lexicon, constructorThrows);
        Files.createDirectories(project.resolve(".cache/whispercpp"));
        Files.writeString(project.resolve(".cache/whispercpp/ggml-base.bin"), "weights");

        ProcessResult result = cachectl("--plugins", folder.toString(), "status");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("model +whispercpp +.cache/whispercpp +yes +\\S+ \\S+ +\\S+ \\S+ +1 ")
                .containsPattern("application +lexicon +out/lexicon +no ")
                .contains("PROVIDER_FAILED").contains("com.example.ctor.LicensedProvider");
    }

    @Test
    void initClearAndDoctorWorkOnPluginCachesWithNothingElseToConfigure() throws Exception {
        Path folder = jars.folder("lifecycle", whisper, lexicon);

        ProcessResult init = cachectl("--plugins", folder.toString(), "init");
        Files.writeString(project.resolve(".cache/whispercpp/ggml-base.bin"), "weights");
        ProcessResult dryRun = cachectl("--plugins", folder.toString(), "clear", "models", "--dry-run", "--json");
        ProcessResult clear = cachectl("--plugins", folder.toString(), "clear", "whispercpp", "--yes");
        ProcessResult doctor = cachectl("--plugins", folder.toString(), "doctor");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(project.resolve("out/lexicon")).isDirectory();
        assertThat(Files.readString(project.resolve("config/hardware_cache.json"))).doesNotContain("whispercpp");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out().replaceAll("\\s+", " ")).contains("\"provider\" : \"whispercpp\"", "\"files\" : 1");
        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(project.resolve(".cache/whispercpp")).isEmptyDirectory();
        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("ok       providers");
    }

    @Test
    void doctorFailsOnABrokenPlugin() throws Exception {
        Path folder = jars.folder("doctor", whisper, futureApi);

        ProcessResult doctor = cachectl("--plugins", folder.toString(), "doctor");

        assertThat(doctor.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(doctor.out()).contains("error DOCTOR_PROVIDER_FAILED", "future-api.jar",
                "built against cachectl API version 99");
    }

    @Test
    void aConfiguredPluginThatFailsToLoadDoesNotStopTheOtherCaches() throws Exception {
        Path folder = jars.folder("configured-broken", whisper, describeThrows, corrupt);
        writeConfig("""
                {"cache": {
                  "model_caches": {"moody": ".cache/moody", "ghost": ".cache/ghost", "whispercpp": ".cache/w"}
                }}
                """);

        ProcessResult env = cachectl("--plugins", folder.toString(), "env", "--shell", "bash");
        ProcessResult validate = cachectl("--plugins", folder.toString(), "validate");

        assertThat(env.exitCode()).as(env.err()).isEqualTo(ExitCode.PROBLEM);
        assertThat(env.out()).contains("export WHISPERCPP_HOME='" + project.toRealPath().resolve(".cache/w") + "'");
        assertThat(env.err()).contains("moody", "not in the mood", "corrupt.jar");
        assertThat(validate.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(validate.out()).contains("""
                config/hardware_cache.json:2:20: CFG_PROVIDER_NOT_LOADED cache.model_caches.moody: provider 'moody'\
                 failed to load (failed while describing itself: UnsupportedOperationException: not in the mood;\
                 report it to the provider's author or remove its jar); fix or reinstall its plugin, or remove the\
                 key (at /cache/model_caches/moody)
                config/hardware_cache.json:2:45: CFG_PROVIDER_NOT_LOADED cache.model_caches.ghost: no provider with\
                 id 'ghost' is loaded, and a plugin failed to load (%s), maybe this one; fix or remove it ('cachectl\
                 providers' says why), or remove the key (at /cache/model_caches/ghost)
                """.formatted(folder.resolve("corrupt.jar")));
    }
}
