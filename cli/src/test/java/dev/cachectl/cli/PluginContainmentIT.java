package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plugins that misbehave inside an SPI call, against the real launcher: each is reported (id, jar, reason) and
 * the command completes for every other provider. A recursing {@code details()}, a bean in the details, calls
 * that never return (given up after a short deadline set in {@code CACHECTL_PROVIDER_TIMEOUT}), a provider that
 * wants to set {@code PATH}, and a value one shell cannot carry.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PluginContainmentIT extends PluginProcessTest {

    /** Never returns, and ignores the interrupt sent when the host gives up: the worst case. */
    private static final String HANG = "while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }";

    static Path recursing;
    static Path bean;
    static Path hangingId;
    static Path hangingInspect;
    static Path hangingEnvironment;
    static Path pathOverride;
    static Path percent;
    static Path foreignCode;
    static Path hangingConstructor;

    @BeforeAll
    static void misbehaving() throws IOException {
        recursing = modular("recursing.jar", "com.example.recursing", ProviderSource.of(
                "com.example.recursing.RecursingProvider", "recursing")
                .members("@Override public CacheDetails details(CacheTree tree) { return details(tree); }"));
        bean = modular("bean.jar", "com.example.bean", ProviderSource.of("com.example.bean.BeanProvider", "beany")
                .members("""
                        public static final class Repo { public String getName() { return "gpt2"; } }
                        @Override public CacheDetails details(CacheTree tree) {
                            return new CacheDetails(Map.of("repos", List.of(new Repo())));
                        }
                        """));
        hangingId = modular("hanging-id.jar", "com.example.hangid",
                ProviderSource.of("com.example.hangid.HangingIdProvider", "hangid").idBody(HANG));
        hangingInspect = modular("hanging-inspect.jar", "com.example.hanginspect",
                ProviderSource.of("com.example.hanginspect.HangingInspectProvider", "hanginspect")
                        .members("@Override public List<CacheFinding> inspect(CacheTree tree) { " + HANG + " }"));
        hangingEnvironment = modular("hanging-env.jar", "com.example.hangenv",
                ProviderSource.of("com.example.hangenv.HangingEnvProvider", "hangenv").environment(HANG));
        pathOverride = modular("sneaky.jar", "com.example.sneaky", ProviderSource.of(
                "com.example.sneaky.SneakyProvider", "sneaky").environment("""
                        return new EnvironmentSpec(new java.util.LinkedHashMap<>(Map.of("PATH", "/tmp/evil-bin",
                                "SNEAKY_HOME", directory.toString())), List.of("LD_PRELOAD"));
                        """));
        percent = modular("percent.jar", "com.example.percent", ProviderSource.of(
                "com.example.percent.PercentProvider", "percent")
                .environment("return EnvironmentSpec.setting(Map.of(\"PERCENT_HOME\", directory + \"/100%\"));"));
        hangingConstructor = modular("hanging-ctor.jar", "com.example.hangctor",
                ProviderSource.of("com.example.hangctor.HangingConstructorProvider", "hangctor").constructor(HANG));
        foreignCode = modular("foreign-code.jar", "com.example.foreign", ProviderSource.of(
                "com.example.foreign.ForeignProvider", "foreign").members("""
                        @Override public List<CacheFinding> inspect(CacheTree tree) {
                            return List.of(new CacheFinding("HF_CORRUPTED_REPO", Severity.WARNING, "all is lost", ""));
                        }
                        """));
    }

    private static Path modular(String fileName, String module, ProviderSource provider) throws IOException {
        return jars.jar(fileName).source("module-info.java", "module " + module + " { requires dev.cachectl.api;"
                + " provides dev.cachectl.api.CacheProvider with " + provider.qualifiedName() + "; }")
                .source(provider.path(), provider.text()).build();
    }

    private ProcessResult cachectlWithDeadline(String deadline, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString()));
        env.put("CACHECTL_PROVIDER_TIMEOUT", deadline);
        return DistributionIT.cachectl(project, env, args);
    }

    @Test
    void aRecursingDetailsIsOneLineAndStatusReportsTheOthers() throws Exception {
        Path folder = jars.folder("contain-recursing", recursing, whisper);
        Files.createDirectories(project.resolve(".cache/recursing"));
        Files.createDirectories(project.resolve(".cache/whispercpp"));

        ProcessResult result = cachectl("--plugins", folder.toString(), "status", "--details", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String all = result.out() + result.err();
        assertThat(all).contains("provider 'recursing' (com.example.recursing, " + folder.resolve("recursing.jar")
                + ") failed in details(): StackOverflowError").doesNotContain("\tat com.example");
        assertThat(result.err().lines().count()).isLessThan(5);
        assertThat(result.out()).startsWith("{").contains("\"provider\" : \"whispercpp\"", "PROVIDER_FAILED");
    }

    @Test
    void aBeanInTheDetailsIsReportedAndTheJsonStillPrints() throws Exception {
        Path folder = jars.folder("contain-bean", bean, whisper);
        Files.createDirectories(project.resolve(".cache/beany"));

        ProcessResult result = cachectl("--plugins", folder.toString(), "status", "--details", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("{").contains("\"provider\" : \"whispercpp\"", "\"provider\" : \"beany\"",
                "PROVIDER_FAILED", "failed in details(): broke the SPI contract: details value repos[0] is a"
                        + " com.example.bean.BeanProvider$Repo, which has no JSON form");
        assertThat(result.out().trim()).endsWith("}");
    }

    @Test
    void aHangingIdIsGivenUpAfterTheDeadlineAndProvidersCompletes() throws Exception {
        Path folder = jars.folder("contain-hang-id", hangingId, whisper);

        long start = System.nanoTime();
        ProcessResult result = cachectlWithDeadline("1s", "--plugins", folder.toString(), "providers");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.PROBLEM);
        assertThat(states(result.out())).containsEntry("whispercpp", "ok").containsEntry("torch", "ok")
                .containsEntry("com.example.hangid.HangingIdProvider", "failed");
        assertThat(result.err()).isEqualTo("cachectl: provider 'com.example.hangid.HangingIdProvider' ("
                + folder.resolve("hanging-id.jar") + ") failed: gave up while it described itself: it did not"
                + " return within 1s (the deadline set by CACHECTL_PROVIDER_TIMEOUT, default 5s); report it to"
                + " the provider's author or remove its jar\n");
        assertThat(seconds).as("the run waited for the hung call").isLessThan(30);
    }

    @Test
    void aHangingConstructorIsGivenUpAndTheOtherFoldersLoad() throws Exception {
        Path folder = jars.folder("contain-hang-ctor", hangingConstructor);
        Path other = jars.folder("contain-hang-ctor-other", whisper);

        ProcessResult result = cachectlWithDeadline("1s", "--plugins", folder.toString(), "--plugins",
                other.toString(), "providers");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(states(result.out())).containsEntry("whispercpp", "ok").containsEntry("com.example.hangctor",
                "failed");
        assertThat(result.err()).isEqualTo("cachectl: provider 'com.example.hangctor' ("
                + folder.resolve("hanging-ctor.jar") + ") failed: creating a provider of module(s)"
                + " com.example.hangctor did not return within 1s (the deadline set by CACHECTL_PROVIDER_TIMEOUT,"
                + " default 5s); the rest of this folder's providers are skipped: fix or remove the jar\n");
    }

    @Test
    void aHangingInspectIsGivenUpAndStatusShowsEveryCache() throws Exception {
        Path folder = jars.folder("contain-hang-inspect", hangingInspect, whisper);
        Files.createDirectories(project.resolve(".cache/hanginspect"));
        Files.createDirectories(project.resolve(".cache/whispercpp"));

        ProcessResult result = cachectlWithDeadline("1s", "--plugins", folder.toString(), "status");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("model +whispercpp +.cache/whispercpp +yes")
                .containsPattern("model +hanginspect +.cache/hanginspect +yes");
        assertThat(result.out() + result.err()).contains("PROVIDER_FAILED", "provider 'hanginspect'"
                + " (com.example.hanginspect, " + folder.resolve("hanging-inspect.jar") + ") failed in inspect(): did"
                + " not return within 1s");
    }

    @Test
    void aHangingEnvironmentIsGivenUpAndEnvPrintsTheOthers() throws Exception {
        Path folder = jars.folder("contain-hang-env", hangingEnvironment, whisper);

        ProcessResult result = cachectlWithDeadline("1s", "--plugins", folder.toString(), "env", "--shell", "bash");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("export HF_HOME=", "export WHISPERCPP_HOME=").doesNotContain("HANGENV");
        assertThat(result.err()).contains("provider 'hangenv' (com.example.hangenv, "
                + folder.resolve("hanging-env.jar") + ") failed in environment(): did not return within 1s");
    }

    @Test
    void anInvalidDeadlineIsAUsageError() throws Exception {
        ProcessResult result = cachectlWithDeadline("soon", "providers");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("cachectl: CACHECTL_PROVIDER_TIMEOUT=soon: not a deadline; use e.g."
                + " 500ms, 5s or 1m\n");
    }

    @Test
    void aProviderMayNotSetPathAndTheOtherVariablesStillPrint() throws Exception {
        Path folder = jars.folder("limited-path", pathOverride, whisper);

        ProcessResult env = cachectl("--plugins", folder.toString(), "env", "--shell", "bash");
        ProcessResult exec = cachectl("--plugins", folder.toString(), "exec", "--", "sh", "-c",
                "echo \"PATH=$PATH SNEAKY=$SNEAKY_HOME\"");

        assertThat(env.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(env.out()).doesNotContain("PATH=", "LD_PRELOAD")
                .contains("export SNEAKY_HOME='" + project.toRealPath().resolve(".cache/sneaky") + "'",
                        "export WHISPERCPP_HOME=", "export HF_HOME=");
        assertThat(env.err()).contains("provider sneaky asked to set PATH, which a provider may not touch",
                "provider sneaky asked to unset LD_PRELOAD, which a provider may not touch");
        assertThat(exec.out()).doesNotContain("/tmp/evil-bin")
                .contains("SNEAKY=" + project.toRealPath().resolve(".cache/sneaky"));
    }

    @Test
    void oneUnwritableValueLeavesOutOnlyThatProvidersVariables() throws Exception {
        Path folder = jars.folder("limited-percent", percent, whisper);

        ProcessResult result = cachectl("--plugins", folder.toString(), "env", "--shell", "cmd");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.out()).contains("set \"WHISPERCPP_HOME=", "set \"HF_HOME=").doesNotContain("PERCENT_HOME");
        assertThat(result.err()).contains("provider percent's variables are left out: cannot write PERCENT_HOME=",
                "'%', which cmd expands");
    }

    @Test
    void aFindingCodeOutsideThePluginsNamespaceIsRefused() throws Exception {
        Path folder = jars.folder("contain-foreign-code", foreignCode, whisper);
        Files.createDirectories(project.resolve(".cache/foreign"));

        ProcessResult result = cachectl("--plugins", folder.toString(), "status");

        assertThat(result.out() + result.err()).doesNotContain("all is lost").contains("PROVIDER_FAILED",
                "failed in inspect(): broke the SPI contract: finding code HF_CORRUPTED_REPO is outside the"
                        + " provider's namespace: a plugin's codes start with FOREIGN_");
    }
}
