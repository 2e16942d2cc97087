package dev.cachectl.testkit;

import java.nio.file.Path;

/**
 * One repo folder of a hub cache: {@code blobs/<etag>}, {@code snapshots/<commit>/<path>} as relative
 * symlinks into {@code blobs/} (or real files, as on systems without symlinks), {@code refs/<name>} holding a
 * commit hash with no trailing newline, {@code .no_exist/<commit>/<path>} markers and
 * {@code blobs/<etag>.incomplete} interrupted downloads.
 */
public final class HubRepoFixture {

    private final Path dir;

    HubRepoFixture(Path dir) {
        this.dir = dir;
    }

    /** The repo folder. */
    public Path path() {
        return dir;
    }

    /** The repo folder's name, e.g. {@code models--openai--whisper-small}. */
    public String folder() {
        return dir.getFileName().toString();
    }

    /** A blob of {@code size} bytes. */
    public HubRepoFixture blob(String etag, long size) {
        FixtureFiles.write(dir.resolve("blobs").resolve(etag), size);
        return this;
    }

    /** A repo blob that links to a payload of the shared blob store, as huggingface_hub 2.0+ makes it. */
    public HubRepoFixture sharedBlob(String etag, String xetHash) {
        FixtureFiles.symlink(dir.resolve("blobs").resolve(etag), "../../blobs/" + xetHash.substring(0, 2) + "/" + xetHash);
        return this;
    }

    /** A snapshot file as huggingface_hub makes it: a relative symlink to {@code blobs/<etag>}. */
    public HubRepoFixture link(String commit, String file, String etag) {
        Path link = dir.resolve("snapshots").resolve(commit).resolve(file);
        String up = "../".repeat(file.split("/").length + 1);
        FixtureFiles.symlink(link, up + "blobs/" + etag);
        return this;
    }

    /** A snapshot file stored as a real file (huggingface_hub's fallback where symlinks are unavailable). */
    public HubRepoFixture realFile(String commit, String file, long size) {
        FixtureFiles.write(dir.resolve("snapshots").resolve(commit).resolve(file), size);
        return this;
    }

    /** An empty snapshot folder. */
    public HubRepoFixture snapshot(String commit) {
        FixtureFiles.directory(dir.resolve("snapshots").resolve(commit));
        return this;
    }

    /** An empty {@code snapshots} folder. */
    public HubRepoFixture snapshotsFolder() {
        FixtureFiles.directory(dir.resolve("snapshots"));
        return this;
    }

    /** A ref, e.g. {@code main} or {@code refs/pr/1}, holding {@code commit} without a trailing newline. */
    public HubRepoFixture ref(String name, String commit) {
        FixtureFiles.writeText(dir.resolve("refs").resolve(name), commit);
        return this;
    }

    /** An interrupted download, {@code blobs/<etag>.incomplete}. */
    public HubRepoFixture incomplete(String etag, long size) {
        FixtureFiles.write(dir.resolve("blobs").resolve(etag + ".incomplete"), size);
        return this;
    }

    /** A {@code .no_exist/<commit>/<file>} marker: the hub said the file does not exist at that commit. */
    public HubRepoFixture noExist(String commit, String file) {
        FixtureFiles.write(dir.resolve(".no_exist").resolve(commit).resolve(file), 0);
        return this;
    }
}
