package dev.cachectl.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.HostEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFoldersTest {

    @TempDir
    Path dir;

    private HostEnvironment host(Map<String, String> variables, boolean windows) {
        return new HostEnvironment(variables, dir.resolve("home"), windows);
    }

    @Test
    void optionFoldersComeFirstThenTheProjectThenTheUser() throws IOException {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Files.createDirectories(cwd.resolve("mine"));
        Path project = dir.resolve("project");

        List<PluginFolder> folders = PluginFolders.searchOrder(List.of(Path.of("mine"), dir.resolve("other")), cwd,
                project, host(Map.of(), false));

        assertThat(folders).containsExactly(
                new PluginFolder(cwd.resolve("mine"), PluginFolder.Origin.OPTION, true),
                new PluginFolder(dir.resolve("other"), PluginFolder.Origin.OPTION, false),
                new PluginFolder(project.resolve(".cachectl/plugins"), PluginFolder.Origin.PROJECT, false),
                new PluginFolder(dir.resolve("home/.config/cachectl/plugins"), PluginFolder.Origin.USER, false));
    }

    @Test
    void aFolderReachedTwiceIsSearchedAtItsFirstPlaceOnly() {
        Path project = dir.resolve("project");

        List<PluginFolder> folders = PluginFolders.searchOrder(List.of(project.resolve(".cachectl/plugins/../plugins")),
                dir, project, host(Map.of(), false));

        assertThat(folders).extracting(PluginFolder::origin)
                .containsExactly(PluginFolder.Origin.OPTION, PluginFolder.Origin.USER);
    }

    @Test
    void theUserFolderFollowsAnAbsoluteXdgConfigHomeOnly() {
        assertThat(PluginFolders.userFolder(host(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), false)))
                .isEqualTo(dir.resolve("xdg/cachectl/plugins"));
        assertThat(PluginFolders.userFolder(host(Map.of("XDG_CONFIG_HOME", "relative/xdg"), false)))
                .isEqualTo(dir.resolve("home/.config/cachectl/plugins"));
    }

    @Test
    void onWindowsTheUserFolderIsUnderAppData() {
        assertThat(PluginFolders.userFolder(host(Map.of("APPDATA", dir.resolve("roaming").toString(),
                "XDG_CONFIG_HOME", dir.resolve("xdg").toString()), true)))
                .isEqualTo(dir.resolve("roaming/cachectl/plugins"));
        assertThat(PluginFolders.userFolder(host(Map.of(), true)))
                .isEqualTo(dir.resolve("home/AppData/Roaming/cachectl/plugins"));
    }
}
