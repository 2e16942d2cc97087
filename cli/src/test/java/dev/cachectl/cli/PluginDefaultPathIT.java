package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plugin whose default cache path is the project root or lies in version-control metadata breaks the provider
 * contract: that one provider fails to load with the reason, every other command keeps working, and a clear of
 * all caches leaves the repository alone.
 */
class PluginDefaultPathIT extends PluginProcessTest {

    @ParameterizedTest
    @ValueSource(strings = {".", ".git", ".git/objects"})
    void aPluginDefaultingToTheProjectRootOrGitFailsAloneAndDeletesNothing(String defaultPath) throws Exception {
        String id = "gitty";
        ProviderSource source = ProviderSource.of("com.example.gitty.GittyProvider", id).defaultPath(defaultPath);
        Path jar = jars.jar("gitty-" + defaultPath.replace('/', '_') + ".jar")
                .source("module-info.java", "module com.example.gitty { requires dev.cachectl.api;"
                        + " provides dev.cachectl.api.CacheProvider with " + source.qualifiedName() + "; }")
                .source(source.path(), source.text()).build();
        Path folder = jars.folder("gitty-" + defaultPath.replace('/', '_'), jar);
        Files.createDirectories(project.resolve(".git/objects/ab"));
        Files.writeString(project.resolve(".git/objects/ab/cd"), "history");
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString());

        DistributionIT.ProcessResult providers = DistributionIT.cachectl(project, env, "--plugins", folder.toString(),
                "providers");
        assertThat(providers.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(providers.err()).contains(id).contains("invalid default path '" + defaultPath + "'");

        DistributionIT.ProcessResult clear = DistributionIT.cachectl(project, env, "--plugins", folder.toString(),
                "clear", "all", "--yes");
        assertThat(clear.err()).doesNotContain("CFG_OVERLAP");
        assertThat(project.resolve(".git/objects/ab/cd")).hasContent("history");
        DistributionIT.ProcessResult status = DistributionIT.cachectl(project, env, "--plugins", folder.toString(),
                "status", "--json");
        assertThat(status.out()).contains("\"provider\" : \"torch\"");
    }
}
