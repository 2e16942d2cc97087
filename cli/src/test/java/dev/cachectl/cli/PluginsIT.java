package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheProvider;
import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Third-party providers as jars, end to end: plugin jars compiled during the test against the distribution's
 * api jar are dropped into plugin folders, and the real {@code bin/cachectl} loads them. Each broken jar is
 * checked for its exact diagnostic, for exit code 1, and for every other provider still working.
 */
class PluginsIT extends PluginProcessTest {

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
                    "api_version" : %d,
                    "module" : "com.example.whisper",
                    "layer" : "plugin",
                    "jar" : "%s",
                    "source" : "%s",
                    "config_key" : "cache.model_caches.whispercpp",
                    "default_path" : ".cache/whispercpp",
                    "state" : "ok",
                """.formatted(CacheProvider.API_VERSION, folder.resolve("whisper-models.jar"),
                folder.resolve("whisper-models.jar")));
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
                + " versions 1 to " + CacheProvider.API_VERSION
                + "; rebuild the provider against this cachectl's api jar\n");
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

        ProcessResult trust = cachectl("plugins", "trust");
        ProcessResult result = cachectl("--plugins", option.toString(), "providers", "--json");

        assertThat(trust.exitCode()).as(trust.err()).isZero();
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
}
