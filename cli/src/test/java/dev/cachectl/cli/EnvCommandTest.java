package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvCommandTest {

    /** Every character that shells treat specially, plus non-ASCII text. */
    static final String AWKWARD = "caches/it's a 'quoted' $HOME `tick` per+cent & !bang ünïcødé 空白 ‘pw’";

    @TempDir
    Path temp;

    Path root;

    @BeforeEach
    void project() throws Exception {
        root = temp.resolve("my project $x");
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/hardware_cache.json"), "{\"cache\": {\"hf_home\": "
                + jsonString(AWKWARD) + ", \"torch_home\": \"/opt/it's torch\"}}\n");
    }

    @Test
    void bashEvaluatesToExactlyTheJsonVariables() throws Exception {
        assumeTrue(ShellEvaluation.installed("bash").isPresent(), "bash is not installed");
        CacheEnvironment expected = expectedEnvironment();
        assertThat(expected.set().get("HF_HOME")).isEqualTo(root.resolve(AWKWARD).toString());
        assertThat(expected.set().get("TRANSFORMERS_CACHE")).isEqualTo(root.resolve(AWKWARD).resolve("hub")
                .toString());

        var json = cli().run("env", "--shell", "json");
        assertThat(json.exitCode()).isZero();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("set", expected.set());
        document.put("unset", expected.unset());
        assertThat(json.out()).isEqualTo(JsonText.write(document));

        var bash = cli().run("env", "--shell", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).startsWith("export CACHECTL_PROJECT_ROOT='").contains("\nunset ");
        assertEvaluatesTo(List.of("bash", "-c"), bash.out() + "env -0", expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "dash", "zsh"})
    void posixShellsEvaluateTheSameScript(String shell) throws Exception {
        assumeTrue(ShellEvaluation.installed(shell).isPresent(), shell + " is not installed");
        var result = cli().run("env", "--shell", shell.equals("zsh") ? "zsh" : "sh");
        assertThat(result.exitCode()).isZero();
        assertEvaluatesTo(List.of(shell, "-c"), result.out() + "env -0", expectedEnvironment());
    }

    @Test
    void fishEvaluatesItsScript() throws Exception {
        assumeTrue(ShellEvaluation.installed("fish").isPresent(), "fish is not installed");
        var result = cli().run("env", "--shell", "fish");
        assertThat(result.out()).startsWith("set -gx CACHECTL_PROJECT_ROOT ");
        assertEvaluatesTo(List.of("fish", "--no-config", "-c"), result.out() + "env -0", expectedEnvironment());
    }

    @Test
    void powerShellEvaluatesItsScript() throws Exception {
        assumeTrue(ShellEvaluation.installed("pwsh").isPresent(), "pwsh is not installed");
        var result = cli().run("env", "--shell", "powershell");
        assertThat(result.out()).startsWith("$env:CACHECTL_PROJECT_ROOT = '");
        assertEvaluatesTo(List.of("pwsh", "-NoProfile", "-NonInteractive", "-Command"),
                result.out() + "& env -0", expectedEnvironment());
    }

    @Test
    void dotenvIsReadBackByPythonDotenv() throws Exception {
        assumeTrue(ShellEvaluation.installed("python3").isPresent(), "python3 is not installed");
        var result = cli().run("env", "--shell", "dotenv");
        assertThat(result.exitCode()).isZero();
        Path file = temp.resolve("cache.env");
        Files.writeString(file, result.out());
        String reader = "import sys\ntry:\n  from dotenv import dotenv_values\nexcept ImportError:\n  sys.exit(3)\n"
                + "for k, v in dotenv_values(sys.argv[1]).items():\n"
                + "  sys.stdout.buffer.write((k + '=' + v + '\\0').encode())\n";
        Map<String, String> read;
        try {
            read = ShellEvaluation.evaluate(List.of("python3", "-c", reader, file.toString()), "", Map.of());
        } catch (java.io.IOException e) {
            assumeTrue(!e.getMessage().startsWith("shell failed (3)"), "python-dotenv is not installed");
            throw e;
        }
        assertThat(read).isEqualTo(expectedEnvironment().set());
        assertThat(result.out()).contains("# not expressible in a .env file, remove from the environment: ");
    }

    @Test
    void aPercentSignThatCmdCannotProtectIsRefusedByTheConfigRules() throws Exception {
        Files.writeString(root.resolve("config/hardware_cache.json"), "{\"cache\": {\"mlx_home\": \"c/100%\"}}");
        var result = cli().run("env", "--shell", "cmd");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("CFG_UNEXPORTABLE_PATH").contains("'%', which cmd expands");
    }

    @Test
    void cmdWritesQuotedSetLines() throws Exception {
        Files.writeString(root.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        var result = cli().run("env", "--shell", "cmd");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("set \"TORCH_HOME=" + root.resolve(".cache/torch") + "\"\n")
                .contains("set \"PYTORCH_TRANSFORMERS_CACHE=\"\n");
    }

    @Test
    void aLineBreakInAPathIsRefusedForEveryShell() throws Exception {
        Files.writeString(root.resolve("config/hardware_cache.json"), "{\"cache\": {\"mlx_home\": \"a\\nb\"}}");
        for (String shell : List.of("bash", "fish", "powershell", "cmd", "dotenv", "json")) {
            var result = cli().run("env", "--shell", shell);
            assertThat(result.exitCode()).as(shell).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).as(shell).contains("CFG_UNEXPORTABLE_PATH").contains("line break");
            assertThat(result.out()).as(shell).isEmpty();
        }
    }

    @Test
    void theShellIsDetectedFromShellAndNotesGoToStderr() throws Exception {
        var fish = cli().env("SHELL", "/usr/local/bin/fish").run("env");
        assertThat(fish.out()).startsWith("set -gx ");
        assertThat(fish.err()).isEmpty();

        var unknown = cli().env("SHELL", "/bin/tcsh").run("env");
        assertThat(unknown.exitCode()).isZero();
        assertThat(unknown.out()).startsWith("export ");
        assertThat(unknown.err()).contains("unknown shell '/bin/tcsh'").contains("--shell");
    }

    @Test
    void withoutAConfigTheDefaultsAreUsedAndSaidOnStderr() throws Exception {
        Path bare = temp.resolve("bare");
        Files.createDirectories(bare);
        var result = new CliHarness(bare, temp.resolve("home")).env("SHELL", "/bin/bash").run("env");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("using the built-in defaults");
        assertThat(result.out()).contains("export TORCH_HOME='" + bare.resolve(".cache/torch") + "'\n")
                .doesNotContain("built-in");
    }

    @Test
    void unknownShellNamesAreUsageErrors() {
        var result = cli().run("env", "--shell", "tcsh");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("unknown shell 'tcsh'").contains("powershell");
        var both = cli().run("env", "--json", "--shell", "fish");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    private CliHarness cli() {
        return new CliHarness(root, temp.resolve("home")).env("SHELL", "/bin/bash");
    }

    private CacheEnvironment expectedEnvironment() throws Exception {
        HostEnvironment host = new HostEnvironment(Map.of(), temp.resolve("home"), false);
        return CacheEnvironment.of(Workspace.open(new WorkspaceRequest(root, Optional.empty(), List.of(), host)));
    }

    private static void assertEvaluatesTo(List<String> shell, String script, CacheEnvironment expected)
            throws Exception {
        Map<String, String> before = new HashMap<>();
        before.put("PATH", System.getenv("PATH"));
        before.put("PYTORCH_TRANSFORMERS_CACHE", "/somewhere/else");
        before.put("TORCH_HOME", "/old/torch");
        Map<String, String> after = ShellEvaluation.evaluate(shell, script, before);
        for (Map.Entry<String, String> variable : expected.set().entrySet()) {
            assertThat(after.get(variable.getKey())).as(variable.getKey()).isEqualTo(variable.getValue());
        }
        assertThat(expected.unset()).contains("PYTORCH_TRANSFORMERS_CACHE");
        assertThat(after).doesNotContainKeys(expected.unset().toArray(String[]::new));
    }

    static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
