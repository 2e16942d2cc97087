package dev.cachectl.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.env.CacheEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandResolverTest {

    @TempDir
    Path temp;

    private Path file(String relative, String permissions) throws Exception {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void theFirstExecutableOnThePathWinsAndANonExecutableOneIsReportedOnlyWhenNothingElseIs() throws Exception {
        file("a/tool", "rw-r--r--");
        Path runnable = file("b/tool", "rwxr-xr-x");
        Map<String, String> path = Map.of("PATH", temp.resolve("a") + ":" + temp.resolve("b"));
        assertThat(CommandResolver.resolve("tool", path, temp, false)).isEqualTo(new ResolvedCommand.Found(runnable));

        Map<String, String> onlyA = Map.of("PATH", temp.resolve("a").toString());
        assertThat(CommandResolver.resolve("tool", onlyA, temp, false))
                .isInstanceOf(ResolvedCommand.NotExecutable.class);
        assertThat(CommandResolver.resolve("other", onlyA, temp, false)).isInstanceOf(ResolvedCommand.NotFound.class);
        assertThat(CommandResolver.resolve("tool", Map.of(), temp, false)).isInstanceOf(ResolvedCommand.NotFound.class);
    }

    @Test
    void namesWithASlashAreRelativeToTheWorkingDirectoryAndAnEmptyPathEntryMeansIt() throws Exception {
        Path tool = file("bin/tool", "rwxr-xr-x");
        assertThat(CommandResolver.resolve("bin/tool", Map.of(), temp, false))
                .isEqualTo(new ResolvedCommand.Found(tool));
        assertThat(CommandResolver.resolve("tool", Map.of("PATH", "/nonexistent::"), temp.resolve("bin"), false))
                .isEqualTo(new ResolvedCommand.Found(tool));
    }

    @Test
    void windowsTriesPathextAndReadsPathWhateverItsCase() throws Exception {
        Path tool = file("w/tool.CMD", "rwxr-xr-x");
        Map<String, String> environment = Map.of("Path", temp.resolve("w").toString(), "PATHEXT", ".EXE;.CMD");
        assertThat(CommandResolver.resolve("tool", environment, temp, true)).isEqualTo(new ResolvedCommand.Found(tool));
    }

    @Test
    void theChildEnvironmentAppliesCacheVariablesThenTheVenv() {
        CacheEnvironment cache = new CacheEnvironment(Map.of("TORCH_HOME", "/p/torch"), List.of("OLD"), List.of(),
                List.of());
        VirtualEnvironment venv = new VirtualEnvironment(Path.of("/p/venv"), Path.of("/p/venv/bin"));
        Map<String, String> child = ChildEnvironment.compose(Map.of("PATH", "/usr/bin", "OLD", "x", "PYTHONHOME",
                "/h", "KEEP", "k"), cache, Optional.of(venv), false);
        assertThat(child).containsEntry("PATH", "/p/venv/bin:/usr/bin").containsEntry("VIRTUAL_ENV", "/p/venv")
                .containsEntry("TORCH_HOME", "/p/torch").containsEntry("KEEP", "k")
                .doesNotContainKeys("OLD", "PYTHONHOME");

        Map<String, String> windows = ChildEnvironment.compose(Map.of("Path", "C:\\bin", "old", "x"), cache,
                Optional.of(venv), true);
        assertThat(windows.get("PATH")).isEqualTo(Path.of("/p/venv/bin") + ";C:\\bin");
        assertThat(windows.keySet()).contains("Path").doesNotContain("old");
    }
}
