package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachectl clear} end to end in process, on real trees, with the safety rules of docs/config-reference.md. */
class ClearCommandTest {

    @TempDir
    Path project;

    @TempDir
    Path outside;

    Path hfHome;
    Path tmdb;
    CliHarness cli;

    @BeforeEach
    void seed() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/hardware_cache.json"), "{\"cache\": {}}");
        hfHome = project.resolve(".cache/huggingface");
        Path repo = Files.createDirectories(hfHome.resolve("hub/models--openai--whisper-small"));
        Files.createDirectories(repo.resolve("blobs"));
        Files.writeString(repo.resolve("blobs/aaaa"), "weights".repeat(100));
        Path snapshot = Files.createDirectories(repo.resolve("snapshots/c0ffee"));
        Files.createSymbolicLink(snapshot.resolve("model.bin"), Path.of("../../blobs/aaaa"));
        Files.writeString(hfHome.resolve("token"), "hf_secret");
        Files.createDirectories(hfHome.resolve("stored_tokens"));
        Files.writeString(hfHome.resolve("stored_tokens/work"), "hf_other");
        tmdb = Files.createDirectories(project.resolve("out/tmdb_cache"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(tmdb.resolve("movie-" + i + ".json"), "{\"id\":" + i + "}");
        }
        cli = new CliHarness(project, project.resolve("home"));
    }

    @Test
    void withoutATerminalItNeedsYes() {
        CliHarness.Result result = cli.run("clear", "all");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--yes").contains("--dry-run");
        assertThat(tmdb.resolve("movie-1.json")).exists();
    }

    @Test
    void dryRunReportsWhatARealRunDeletesAndChangesNothing() {
        CliHarness.Result dry = cli.run("clear", "app", "--dry-run", "--json");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("\"dry_run\" : true").contains("\"provider\" : \"tmdb\"")
                .contains("\"files\" : 20");
        assertThat(tmdb.resolve("movie-1.json")).exists();

        CliHarness.Result real = cli.run("clear", "app", "--yes", "--json");

        assertThat(real.exitCode()).as(real.err()).isZero();
        assertThat(real.out().replace("\"dry_run\" : false", "\"dry_run\" : true")).isEqualTo(dry.out());
        assertThat(tmdb).isEmptyDirectory();
    }

    @Test
    void clearModelsKeepsTokensAndTheDirectoriesAndLeavesAppCachesAlone() {
        CliHarness.Result result = cli.run("clear", "models", "--yes");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(hfHome).isDirectory();
        assertThat(hfHome.resolve("token")).hasContent("hf_secret");
        assertThat(hfHome.resolve("stored_tokens/work")).hasContent("hf_other");
        assertThat(hfHome.resolve("hub")).doesNotExist();
        assertThat(tmdb.resolve("movie-1.json")).exists();
        assertThat(result.out()).contains("kept    huggingface token: protected").contains("Freed ");
    }

    @Test
    void aSymlinkToAnOutsideFolderIsRemovedAsALinkAndItsTargetSurvives() throws IOException {
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(tmdb.resolve("escape"), outside);
        Files.createSymbolicLink(tmdb.resolve("escape-file"), precious);

        CliHarness.Result result = cli.run("clear", "tmdb", "--yes");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(tmdb).isEmptyDirectory();
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void aRecentPartialDownloadIsKeptUnlessForced() throws IOException {
        Path blobs = hfHome.resolve("hub/models--openai--whisper-small/blobs");
        Path fresh = Files.writeString(blobs.resolve("bbbb.incomplete"), "half");
        Path stale = Files.writeString(blobs.resolve("cccc.incomplete"), "abandoned");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3 * 3600)));

        CliHarness.Result kept = cli.run("clear", "huggingface", "--yes");

        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(fresh).exists();
        assertThat(stale).doesNotExist();
        assertThat(kept.out()).contains("bbbb.incomplete: partial download changed in the last 60 minutes");

        CliHarness.Result forced = cli.run("clear", "huggingface", "--yes", "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(fresh).doesNotExist();
        assertThat(hfHome.resolve("token")).exists();
    }

    @Test
    void aHubRepoWhoseLockAnotherProcessHoldsIsKept() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "needs flock(1) to hold a lock");
        Path lock = Files.createDirectories(hfHome.resolve("hub/.locks/models--openai--whisper-small"))
                .resolve("aaaa.lock");
        Files.writeString(lock, "");
        Process holder = new ProcessBuilder("/usr/bin/flock", lock.toString(), "sleep", "30").start();
        try {
            waitUntilHeld(lock);
            CliHarness.Result result = cli.run("clear", "huggingface", "--yes");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(hfHome.resolve("hub/models--openai--whisper-small/blobs/aaaa")).exists();
            assertThat(result.out()).contains("models--openai--whisper-small: in use: lock");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEntryThatCannotBeDeletedIsNamedAndExitsOne() throws Exception {
        Path stuck = Files.createDirectories(tmdb.resolve("stuck"));
        Files.writeString(stuck.resolve("inside.json"), "{}");
        Process chattr = new ProcessBuilder("chattr", "+i", stuck.toString()).start();
        assumeTrue(chattr.waitFor() == 0, "needs chattr +i (root on ext4) to make a folder undeletable");
        try {
            CliHarness.Result result = cli.run("clear", "tmdb", "--yes");

            assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
            assertThat(result.out()).contains("error   tmdb stuck/inside.json");
            assertThat(result.err()).contains("could not be deleted");
            assertThat(tmdb.resolve("movie-1.json")).doesNotExist();
        } finally {
            new ProcessBuilder("chattr", "-i", stuck.toString()).start().waitFor();
        }
    }

    @Test
    void unknownTargetsListTheKnownOnes() {
        CliHarness.Result result = cli.run("clear", "bogus", "--yes");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("unknown provider 'bogus'").contains("models, app, all")
                .contains("huggingface");
    }

    @Test
    void onATerminalItAsksAndANoKeepsEverything() {
        CliHarness.Result result = cli.interactive(true).stdin("n\n").run("clear", "app");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(result.err()).contains("Delete these files? [y/N]").contains("clear cancelled: nothing was changed");
        assertThat(tmdb.resolve("movie-1.json")).exists();

        CliHarness.Result yes = cli.interactive(true).stdin("y\n").run("clear", "app");

        assertThat(yes.exitCode()).isZero();
        assertThat(tmdb).isEmptyDirectory();
    }

    private static void waitUntilHeld(Path lock) throws Exception {
        for (int i = 0; i < 100; i++) {
            Process probe = new ProcessBuilder("/usr/bin/flock", "-n", lock.toString(), "true").start();
            if (probe.waitFor() != 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child never took the lock");
    }
}
