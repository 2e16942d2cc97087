package dev.cachectl.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the project, and checking {@code --project DIR}, on real folders. */
class ProjectLocatorTest {

    @TempDir
    Path temp;

    @Test
    void theNearestFolderUpwardsHoldingTheConfigIsTheProject() throws Exception {
        Path project = temp.resolve("project");
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve(ProjectLocator.CONFIG_FILE), "{}");
        Path below = Files.createDirectories(project.resolve("src/stage"));
        Project found = ProjectLocator.locate(below, Optional.empty());
        assertThat(found.root()).isEqualTo(project);
        assertThat(found.configPresent()).isTrue();
    }

    @Test
    void anExistingFolderOrALinkToOneIsAccepted() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("folder"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), folder);
        assertThatCode(() -> ProjectLocator.checkOverride(temp, Path.of("folder"), false)).doesNotThrowAnyException();
        assertThatCode(() -> ProjectLocator.checkOverride(temp, link, false)).doesNotThrowAnyException();
    }

    @Test
    void aMissingFolderIsRefusedUnlessItMayBeCreated() {
        assertThatThrownBy(() -> ProjectLocator.checkOverride(temp, Path.of("typo"), false))
                .isInstanceOf(ProjectFolderException.class)
                .hasMessage(ProjectLocator.NO_PROJECT_FOLDER + " --project typo (" + temp.resolve("typo") + "): no"
                        + " such folder; check the path (a relative one starts at the working directory), or create a"
                        + " project there with 'cachectl init --project typo'");
        assertThatCode(() -> ProjectLocator.checkOverride(temp, Path.of("typo"), true)).doesNotThrowAnyException();
    }

    @Test
    void aFileIsRefusedEvenWhereAFolderMayBeCreated() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> ProjectLocator.checkOverride(temp, file, true))
                .isInstanceOf(ProjectFolderException.class)
                .hasMessageStartingWith(ProjectLocator.NO_PROJECT_FOLDER + " --project " + file + " is a file, not a"
                        + " folder;")
                .hasMessageNotContaining("to use that config");
    }
}
