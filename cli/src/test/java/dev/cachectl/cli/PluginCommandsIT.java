package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Plugin providers in the other commands, with nothing to configure beyond dropping the jar: their settings
 * schema in {@code validate}, their variables in {@code env}, their caches in {@code status}, {@code init},
 * {@code clear} and {@code doctor}; a broken plugin named and the rest working; and the docs' sample provider.
 */
class PluginCommandsIT extends PluginProcessTest {

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
