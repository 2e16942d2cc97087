package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trust before code runs, against the real launcher: a jar in a project's {@code .cachectl/plugins} (a cloned
 * repository's) runs only once the user has trusted it, by content; a changed jar is untrusted again; a plugin
 * folder or jar others could write is refused. The fixture's static initialiser writes a marker file, so "its
 * code did not run" is checked directly.
 */
class PluginTrustIT extends PluginProcessTest {

    static Path markedV1;
    static Path markedV2;

    Path marker;
    Path projectPlugins;

    @BeforeAll
    static void markedJars() throws IOException {
        markedV1 = marked("marked-v1.jar", "return \"Marked, first release\";");
        markedV2 = marked("marked-v2.jar", "return \"Marked, changed behind your back\";");
    }

    private static Path marked(String fileName, String displayName) throws IOException {
        ProviderSource source = ProviderSource.of("com.example.marked.MarkedProvider", "marked").displayName(displayName)
                .staticInit("""
                        String marker = System.getenv("MARKER_FILE");
                        if (marker != null) {
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of(marker), "plugin code ran"); }
                            catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                        }
                        """);
        return jars.jar(fileName).source("module-info.java", "module com.example.marked { requires dev.cachectl.api;"
                + " provides dev.cachectl.api.CacheProvider with " + source.qualifiedName() + "; }")
                .source(source.path(), source.text()).build();
    }

    @BeforeEach
    void projectWithAPlugin() throws IOException {
        marker = home.resolve("marker.txt");
        writeConfig("{}");
        projectPlugins = Files.createDirectories(project.resolve(".cachectl/plugins"));
        Files.copy(markedV1, projectPlugins.resolve("marked.jar"));
    }

    private ProcessResult run(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(), "MARKER_FILE", marker.toString()));
        env.putAll(extra);
        return DistributionIT.cachectl(project, env, args);
    }

    private ProcessResult run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Path jar() throws IOException {
        return projectPlugins.toRealPath().resolve("marked.jar");
    }

    @Test
    void anUntrustedProjectJarDoesNotRunAndProvidersSaysHowToTrustIt() throws Exception {
        ProcessResult status = run("status");
        ProcessResult env = run("env", "--shell", "bash");
        ProcessResult validate = run("validate");
        ProcessResult providers = run("providers");

        assertThat(marker).as("the plugin's static initialiser ran").doesNotExist();
        assertThat(states(providers.out())).containsEntry("marked.jar", "untrusted").containsEntry("torch", "ok")
                .doesNotContainKey("marked");
        assertThat(providers.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(providers.err()).startsWith("cachectl: plugin " + jar() + " not loaded: is in the project's"
                + " plugin folder and you have not trusted it (sha256 ")
                .contains("so none of its code runs; review it, then run 'cachectl plugins trust " + jar()
                        + "' (in CI: set CACHECTL_TRUST_PROJECT_PLUGINS=1)");
        assertThat(env.out()).contains("export HF_HOME=");
        assertThat(status.out()).contains("torch");
        assertThat(validate.out() + validate.err()).doesNotContain("plugin code ran");
    }

    @Test
    void aTrustedJarLoadsAndAChangedJarIsUntrustedAgain() throws Exception {
        ProcessResult trust = run("plugins", "trust");
        ProcessResult trusted = run("providers");

        assertThat(trust.exitCode()).as(trust.err()).isZero();
        assertThat(trust.out()).startsWith("trusted " + jar() + " (sha256 ")
                .contains("recorded in " + home.resolve(".config/cachectl/trust.json"));
        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
        assertThat(states(trusted.out())).containsEntry("marked", "ok");
        assertThat(trusted.out()).contains("Marked, first release");
        assertThat(marker).hasContent("plugin code ran");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve(".config/cachectl/trust.json")))).isEqualTo("rw-------");

        Files.delete(marker);
        Files.copy(markedV2, projectPlugins.resolve("marked.jar"), StandardCopyOption.REPLACE_EXISTING);
        ProcessResult changed = run("providers");

        assertThat(marker).as("the changed jar's code ran").doesNotExist();
        assertThat(states(changed.out())).containsEntry("marked.jar", "untrusted");
        assertThat(changed.err()).contains("changed since you trusted it (sha256 now ",
                "so it is untrusted again and none of its code runs; review it, then run 'cachectl plugins trust "
                        + jar() + "'");

        run("plugins", "trust", ".cachectl/plugins/marked.jar");
        ProcessResult retrusted = run("providers");
        assertThat(retrusted.out()).contains("Marked, changed behind your back");

        ProcessResult untrust = run("plugins", "untrust");
        Files.delete(marker);
        ProcessResult untrusted = run("providers");
        assertThat(untrust.out()).isEqualTo("untrusted " + jar() + "\n");
        assertThat(states(untrusted.out())).containsEntry("marked.jar", "untrusted");
        assertThat(marker).doesNotExist();
    }

    @Test
    void ciOptsInWithAVariableAndNoPluginsLoadsNone() throws Exception {
        ProcessResult ci = run(Map.of("CACHECTL_TRUST_PROJECT_PLUGINS", "1"), "providers");

        assertThat(ci.exitCode()).as(ci.err()).isZero();
        assertThat(states(ci.out())).containsEntry("marked", "ok");
        Files.delete(marker);

        Path userFolder = Files.createDirectories(home.resolve(".config/cachectl/plugins"));
        Files.copy(whisper, userFolder.resolve("whisper-models.jar"));
        ProcessResult none = run(Map.of("CACHECTL_TRUST_PROJECT_PLUGINS", "1"), "--no-plugins", "providers");

        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(marker).doesNotExist();
        assertThat(states(none.out())).doesNotContainKeys("marked", "whispercpp").containsKeys(BUILT_INS.toArray(String[]::new));
        assertThat(none.out()).contains("Plugin folders: none searched (--no-plugins)");
    }

    @Test
    void aPluginFolderWritableByOthersIsRefusedEvenWhenNamed() throws Exception {
        Path folder = Files.createDirectories(home.resolve("shared-plugins"));
        Files.copy(markedV1, folder.resolve("marked.jar"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        ProcessResult result = run("--plugins", folder.toString(), "providers");

        assertThat(marker).doesNotExist();
        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(states(result.out())).containsEntry("shared-plugins", "refused");
        assertThat(result.err()).contains("cachectl: plugin " + folder + " refused: the plugin folder is writable by"
                + " others (mode 0777), so anyone who can write it could run code as you; none of its jars is loaded");
    }

    @Test
    void aJarWritableByOthersIsRefused() throws Exception {
        Path folder = Files.createDirectories(home.resolve("my-plugins"));
        Path jar = Files.copy(markedV1, folder.resolve("marked.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

        ProcessResult result = run("--plugins", folder.toString(), "providers");

        assertThat(marker).doesNotExist();
        assertThat(states(result.out())).containsEntry("marked.jar", "refused");
        assertThat(result.err()).contains("cachectl: plugin " + jar + " refused: the jar is writable by others (mode"
                + " 0666), so anyone could replace it with code that runs as you");
    }

    @Test
    void aTrustedJarOwnedByAnotherUserIsRefused() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.out.println("SKIPPED aTrustedJarOwnedByAnotherUserIsRefused: needs root to chown a file to another"
                    + " uid (running as " + System.getProperty("user.name") + ")");
        }
        Assumptions.assumeTrue(root, "needs root to chown a file to another uid");
        run("plugins", "trust");
        Files.setAttribute(jar(), "unix:uid", 12345);

        ProcessResult result = run("providers");

        assertThat(marker).doesNotExist();
        assertThat(states(result.out())).containsEntry("marked.jar", "refused");
        assertThat(result.err()).contains("cachectl: plugin " + jar() + " refused: the jar is owned by another user"
                + " (uid 12345; you are uid 0)");
    }

    /** A jar that is a link is refused even when its target is trusted: the target could change after the check. */
    @Test
    void aProjectJarThatIsASymbolicLinkIsRefusedAndTrustingItByItsFolderDoesNotCrash() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.move(projectPlugins.resolve("marked.jar"), elsewhere.resolve("marked.jar"));
        Files.createSymbolicLink(projectPlugins.resolve("marked.jar"), elsewhere.resolve("marked.jar"));

        // naming the project's own folder with --plugins as well used to end in a stack trace
        ProcessResult trust = run("--plugins", projectPlugins.toString(), "plugins", "trust");
        assertThat(trust.exitCode()).as(trust.err()).isZero();
        ProcessResult providers = run("providers");

        assertThat(providers.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(providers.err()).contains("is a symbolic link");
        assertThat(marker).doesNotExist();
    }
}
