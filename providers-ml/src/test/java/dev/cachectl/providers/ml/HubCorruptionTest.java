package dev.cachectl.providers.ml;

import static dev.cachectl.testkit.RealisticHub.CONFIG;
import static dev.cachectl.testkit.RealisticHub.REV_MAIN;
import static dev.cachectl.testkit.RealisticHub.REV_OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.FixtureTree;
import dev.cachectl.testkit.HubCacheFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case of huggingface_hub's CorruptedCacheException, found by the full scan and (but one) by the cheap one. */
class HubCorruptionTest {

    @TempDir
    Path hfHome;

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("snapshots folder missing", "models--org--nosnap", "has no snapshots folder",
                        (Consumer<HubCacheFixture>) hub -> hub.model("org/nosnap").blob(CONFIG, 10)),
                Arguments.of("ref to a missing snapshot", "models--org--badref", "refs point at missing snapshots: main -> "
                        + REV_MAIN, (Consumer<HubCacheFixture>) hub -> hub.model("org/badref")
                        .link(REV_OLD, "config.json", CONFIG).blob(CONFIG, 10).ref("main", REV_MAIN)),
                Arguments.of("repo folder that is a file", "models--org--file", "is not a directory",
                        (Consumer<HubCacheFixture>) hub -> hub.file("models--org--file", 5)),
                Arguments.of("folder name without --", "random-folder", "not a hub cache folder name",
                        (Consumer<HubCacheFixture>) hub -> hub.folder("random-folder")),
                Arguments.of("unknown type", "checkpoints--org--x", "unknown repo type 'checkpoints'",
                        (Consumer<HubCacheFixture>) hub -> hub.folder("checkpoints--org--x").snapshotsFolder()),
                Arguments.of("refs is a file", "models--org--refsfile", "refs is a file, not a folder",
                        (Consumer<HubCacheFixture>) hub -> FixtureFiles.write(
                                hub.model("org/refsfile").snapshotsFolder().path().resolve("refs"), 3)),
                Arguments.of("a file in snapshots", "models--org--snapfile", "snapshots/stray is a file",
                        (Consumer<HubCacheFixture>) hub -> FixtureFiles.write(
                                hub.model("org/snapfile").snapshotsFolder().path().resolve("snapshots/stray"), 3)),
                Arguments.of("ref with a trailing newline", "models--org--newline", "refs point at missing snapshots",
                        (Consumer<HubCacheFixture>) hub -> hub.model("org/newline").snapshot(REV_MAIN)
                                .ref("main", REV_MAIN + "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void reportsEachCorruption(String label, String folder, String reason, Consumer<HubCacheFixture> build) {
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub"));
        hub.model("org/fine").blob(CONFIG, 10).link(REV_MAIN, "config.json", CONFIG).ref("main", REV_MAIN);
        build.accept(hub);
        HubCacheScan scan = new HubCacheScan(new FixtureTree(hfHome));

        HubCacheReport report = scan.scan("hub");
        assertThat(report.repos()).extracting(r -> r.name().cacheId()).containsExactly("model/org/fine");
        assertThat(report.corrupted()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("hub/" + folder);
            assertThat(c.reason()).contains(reason);
        });
        assertThat(scan.quickCorruptions("hub")).as("the cheap check finds it too")
                .extracting(HubCorruption::path).containsExactly("hub/" + folder);
    }

    @Test
    void aBrokenLinkIsFoundOnlyByTheFullScan() {
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub"));
        hub.model("org/broken").link(REV_MAIN, "config.json", CONFIG).ref("main", REV_MAIN);
        HubCacheScan scan = new HubCacheScan(new FixtureTree(hfHome));
        assertThat(scan.scan("hub").corrupted()).extracting(HubCorruption::reason)
                .containsExactly("blob missing (broken symlink): hub/models--org--broken/blobs/" + CONFIG);
        assertThat(scan.quickCorruptions("hub")).isEmpty();
    }

    @Test
    void skipsWhatScanCacheDirSkips() {
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub")).cacheDirTag().file(".DS_Store", 10);
        hub.lock(hub.model("org/x").snapshotsFolder(), CONFIG);
        HubCacheScan scan = new HubCacheScan(new FixtureTree(hfHome));
        assertThat(scan.scan("hub").corrupted()).isEmpty();
        assertThat(scan.scan("hub").repos()).extracting(HubRepo::revisions).containsExactly(List.of());
    }
}
