package dev.cachectl.providers.ml;

import static dev.cachectl.testkit.RealisticHub.CONFIG;
import static dev.cachectl.testkit.RealisticHub.REV_MAIN;
import static dev.cachectl.testkit.RealisticHub.REV_OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.testkit.FixtureFiles;
import dev.cachectl.testkit.FixtureTree;
import dev.cachectl.testkit.HubCacheFixture;
import dev.cachectl.testkit.RealisticHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real huggingface_hub {@code scan_cache_dir} on the same fixture trees and compares every number.
 * Needs a Python with huggingface_hub: {@code $CACHECTL_HF_PYTHON}, else {@code python3}; skipped loudly
 * without one, and failed when {@code CACHECTL_REQUIRE_PEERS=1} (as in CI, whose {@code .ci/run} installs it).
 */
class ScanCacheDirCrossCheckTest {

    /** Prints one line per fact, sorted, in the same shape {@link #ours} renders our scan. */
    private static final String SCRIPT = """
            import sys, re
            from huggingface_hub import scan_cache_dir
            info = scan_cache_dir(sys.argv[1])
            lines = ["total %d" % info.size_on_disk]
            for r in info.repos:
                lines.append("repo %s/%s %d %d" % (r.repo_type, r.repo_id, r.size_on_disk, r.nb_files))
                for v in r.revisions:
                    lines.append("rev %s/%s %s %d %d %s" % (r.repo_type, r.repo_id, v.commit_hash, v.size_on_disk,
                                 v.nb_files, ",".join(sorted(v.refs)) or "-"))
            for w in info.warnings:
                lines.append("corrupted " + re.search(r"[/\\\\]hub[/\\\\]([^/\\\\)\\s]+)", str(w)).group(1))
            for f in info.incomplete_files:
                lines.append("incomplete %d" % f.size_on_disk)
            print("\\n".join(sorted(lines)))
            """;

    private static String python;

    @TempDir
    Path hfHome;

    @BeforeAll
    static void findPython() {
        String configured = System.getenv("CACHECTL_HF_PYTHON");
        python = configured == null || configured.isBlank() ? "python3" : configured;
        if (!runs(python, "-c", "import huggingface_hub")) {
            String why = "no Python with huggingface_hub (" + python + "): the cross-check against the real"
                    + " scan_cache_dir did NOT run; set CACHECTL_HF_PYTHON (.ci/run makes a venv for it)";
            // loud in the test output, and a failure where the peers are required (CI sets this)
            System.err.println("PEER MISSING: " + why);
            if ("1".equals(System.getenv("CACHECTL_REQUIRE_PEERS"))) {
                throw new AssertionError(why + "; CACHECTL_REQUIRE_PEERS=1 requires it");
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void realisticCache() throws Exception {
        RealisticHub.build(hfHome);
        assertSameAsScanCacheDir();
    }

    @Test
    void everyKindOfCorruptionNextToValidRepos() throws Exception {
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub")).cacheDirTag();
        hub.model("org/fine").blob(CONFIG, 10).link(REV_MAIN, "config.json", CONFIG).ref("main", REV_MAIN);
        hub.model("org/nosnap").blob(CONFIG, 10).incomplete(FixtureFiles.sha256("x"), 33);
        hub.model("org/badref").link(REV_OLD, "config.json", CONFIG).blob(CONFIG, 10).ref("main", REV_MAIN);
        hub.file("models--org--file", 5).folder("random-folder");
        hub.folder("checkpoints--org--x").snapshotsFolder();
        FixtureFiles.write(hub.model("org/refsfile").snapshotsFolder().path().resolve("refs"), 3);
        FixtureFiles.write(hub.model("org/snapfile").snapshotsFolder().path().resolve("snapshots/stray"), 3);
        hub.model("org/newline").snapshot(REV_MAIN).ref("main", REV_MAIN + "\n");
        hub.model("org/broken").link(REV_MAIN, "config.json", CONFIG).ref("main", REV_MAIN);
        hub.dataset("org/empty").snapshot(REV_OLD);
        assertSameAsScanCacheDir();
    }

    @Test
    void sharedBlobStore() throws Exception {
        String xet = FixtureFiles.sha256("payload");
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub")).sharedPayload(xet, 8_000)
                .sharedPayload(FixtureFiles.sha256("unused"), 500);
        for (String id : new String[] {"a/one", "b/two"}) {
            hub.model(id).sharedBlob(CONFIG, xet).link(REV_MAIN, "w.safetensors", CONFIG).ref("main", REV_MAIN)
                    .blob(FixtureFiles.sha1(id), 70).link(REV_MAIN, "own.json", FixtureFiles.sha1(id));
        }
        assertSameAsScanCacheDir();
    }

    private void assertSameAsScanCacheDir() throws Exception {
        assertThat(ours()).isEqualTo(theirs());
    }

    private List<String> ours() {
        HubCacheReport report = new HubCacheScan(new FixtureTree(hfHome)).scan("hub");
        TreeSet<String> lines = new TreeSet<>();
        lines.add("total " + report.blobBytes());
        for (HubRepo repo : report.repos()) {
            String id = repo.name().cacheId();
            lines.add("repo " + id + " " + repo.sizeBytes() + " " + repo.blobCount());
            for (HubRevision rev : repo.revisions()) {
                lines.add("rev " + id + " " + rev.commit() + " " + rev.sizeBytes() + " " + rev.fileCount() + " "
                        + (rev.refs().isEmpty() ? "-" : String.join(",", rev.refs())));
            }
        }
        report.corrupted().forEach(c -> lines.add("corrupted " + TreePaths.name(c.path())));
        report.incompleteDownloads().forEach(f -> lines.add("incomplete " + f.sizeBytes()));
        return List.copyOf(lines);
    }

    private List<String> theirs() throws Exception {
        Process process = new ProcessBuilder(python, "-c", SCRIPT, hfHome.resolve("hub").toString())
                .redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("scan_cache_dir failed: " + err).isZero();
        return out.lines().filter(line -> !line.isBlank()).sorted().toList();
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
