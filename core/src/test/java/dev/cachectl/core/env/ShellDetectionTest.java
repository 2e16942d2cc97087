package dev.cachectl.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.HostEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellDetectionTest {

    private static ShellDetection detect(Map<String, String> variables, boolean windows) {
        return ShellDetection.detect(new HostEnvironment(variables, Path.of("/home/u"), windows));
    }

    @Test
    void theLoginShellDecidesOnEveryPlatform() {
        assertThat(detect(Map.of("SHELL", "/usr/bin/zsh"), false).dialect()).isEqualTo(ShellDialect.ZSH);
        assertThat(detect(Map.of("SHELL", "/bin/dash"), false).dialect()).isEqualTo(ShellDialect.SH);
        assertThat(detect(Map.of("SHELL", "/opt/homebrew/bin/fish"), false).dialect()).isEqualTo(ShellDialect.FISH);
        assertThat(detect(Map.of("SHELL", "/usr/bin/bash", "ComSpec", "C:\\cmd.exe"), true).dialect())
                .isEqualTo(ShellDialect.BASH);
        assertThat(detect(Map.of("SHELL", "/bin/bash"), false).note()).isEmpty();
    }

    @Test
    void anUnknownOrMissingShellFallsBackToShWithANote() {
        assertThat(detect(Map.of("SHELL", "/bin/tcsh"), false).dialect()).isEqualTo(ShellDialect.SH);
        assertThat(detect(Map.of("SHELL", "/bin/tcsh"), false).note()).get().asString().contains("tcsh");
        assertThat(detect(Map.of(), false).note()).get().asString().contains("$SHELL is not set");
    }

    @Test
    void onWindowsAUserModulePathMeansPowerShellElseComSpecMeansCmd() {
        Map<String, String> powershell = Map.of("USERPROFILE", "C:\\Users\\ana",
                "PSModulePath", "C:\\Users\\ana\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules",
                "ComSpec", "C:\\Windows\\system32\\cmd.exe");
        Map<String, String> cmd = Map.of("USERPROFILE", "C:\\Users\\ana",
                "PSModulePath", "C:\\Program Files\\WindowsPowerShell\\Modules",
                "ComSpec", "C:\\Windows\\system32\\cmd.exe");
        assertThat(detect(powershell, true).dialect()).isEqualTo(ShellDialect.POWERSHELL);
        assertThat(detect(cmd, true).dialect()).isEqualTo(ShellDialect.CMD);
        assertThat(detect(Map.of(), true).dialect()).isEqualTo(ShellDialect.POWERSHELL);
    }

    @Test
    void namesAndPathsParse() {
        assertThat(ShellDialect.parse("PWSH.EXE")).contains(ShellDialect.POWERSHELL);
        assertThat(ShellDialect.parse("-bash")).contains(ShellDialect.BASH);
        assertThat(ShellDialect.parse("csh")).isEmpty();
    }
}
