package dev.cachectl.testkit;

import java.nio.file.Path;

/**
 * Builds a Hugging Face hub cache ({@code HF_HUB_CACHE}) on disk exactly as huggingface_hub lays it out:
 * {@code <type>s--<org>--<name>/} repo folders, {@code .locks/} and {@code CACHEDIR.TAG} at the root.
 */
public final class HubCacheFixture {

    private final Path hub;

    private HubCacheFixture(Path hub) {
        this.hub = hub;
    }

    /** A hub cache in {@code hubDirectory} (created). */
    public static HubCacheFixture at(Path hubDirectory) {
        return new HubCacheFixture(FixtureFiles.directory(hubDirectory));
    }

    /** The hub cache directory. */
    public Path path() {
        return hub;
    }

    /** A model repo, e.g. {@code model("openai/whisper-small")} in {@code models--openai--whisper-small}. */
    public HubRepoFixture model(String repoId) {
        return repo("model", repoId);
    }

    /** A dataset repo in {@code datasets--<org>--<name>}. */
    public HubRepoFixture dataset(String repoId) {
        return repo("dataset", repoId);
    }

    /** A repo of any type ({@code model}, {@code dataset}, {@code space}); its folder is created. */
    public HubRepoFixture repo(String type, String repoId) {
        return folder(type + "s--" + repoId.replace("/", "--"));
    }

    /** A repo folder with exactly this name (for misnamed folders). */
    public HubRepoFixture folder(String name) {
        return new HubRepoFixture(FixtureFiles.directory(hub.resolve(name)));
    }

    /** The {@code CACHEDIR.TAG} huggingface_hub writes so backup tools skip the cache. */
    public HubCacheFixture cacheDirTag() {
        FixtureFiles.writeText(hub.resolve("CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n"
                + "# This file is a cache directory tag created by huggingface_hub.\n");
        return this;
    }

    /** An (unheld) download lock, {@code .locks/<repo folder>/<etag>.lock}. */
    public HubCacheFixture lock(HubRepoFixture repo, String etag) {
        FixtureFiles.write(hub.resolve(".locks").resolve(repo.folder()).resolve(etag + ".lock"), 0);
        return this;
    }

    /**
     * A payload of huggingface_hub's cache-wide shared blob store (2.0+), {@code blobs/<2 hex>/<xet hash>},
     * creating the store and its {@code .huggingface-shared-blobs} marker when needed.
     */
    public HubCacheFixture sharedPayload(String xetHash, long size) {
        FixtureFiles.writeText(hub.resolve("blobs/.huggingface-shared-blobs"), "1\n");
        FixtureFiles.write(hub.resolve("blobs").resolve(xetHash.substring(0, 2)).resolve(xetHash), size);
        return this;
    }

    /** A regular file at the hub root (e.g. a stray file named like a repo). */
    public HubCacheFixture file(String name, long size) {
        FixtureFiles.write(hub.resolve(name), size);
        return this;
    }
}
