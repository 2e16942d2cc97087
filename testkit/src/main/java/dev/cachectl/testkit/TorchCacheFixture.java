package dev.cachectl.testkit;

import java.nio.file.Path;

/**
 * Builds a PyTorch cache ({@code TORCH_HOME}) on disk: {@code hub/checkpoints/} weights and partial
 * downloads, {@code hub/<owner>_<repo>_<branch>/} hub code, and openai-whisper models under
 * {@code whisper/} (where cachectl keeps them).
 */
public final class TorchCacheFixture {

    private final Path home;

    private TorchCacheFixture(Path home) {
        this.home = home;
    }

    /** A torch cache in {@code torchHome} (created). */
    public static TorchCacheFixture at(Path torchHome) {
        return new TorchCacheFixture(FixtureFiles.directory(torchHome));
    }

    /** The cache directory. */
    public Path path() {
        return home;
    }

    /** A downloaded checkpoint, {@code hub/checkpoints/<name>}. */
    public TorchCacheFixture checkpoint(String name, long size) {
        FixtureFiles.write(home.resolve("hub/checkpoints").resolve(name), size);
        return this;
    }

    /**
     * A partial download in {@code hub/checkpoints/}: {@code <name>.<32 hex>.partial} (torch 2.1 and later)
     * when {@code name} is a checkpoint name, or the name as given (e.g. {@code tmpa1b2c3}, older torch).
     */
    public TorchCacheFixture partial(String name, long size) {
        String file = name.startsWith("tmp") ? name
                : name + "." + FixtureFiles.sha256(name).substring(0, 32) + ".partial";
        FixtureFiles.write(home.resolve("hub/checkpoints").resolve(file), size);
        return this;
    }

    /** Hub code checked out by {@code torch.hub.load("owner/repo:branch", ...)}, with a {@code hubconf.py}. */
    public TorchCacheFixture hubRepo(String owner, String repo, String branch, long codeSize) {
        Path dir = home.resolve("hub").resolve(owner + "_" + repo + "_" + branch.replace('/', '_'));
        FixtureFiles.write(dir.resolve("hubconf.py"), codeSize);
        return this;
    }

    /** torch.hub's {@code hub/trusted_list} of repo owners the user trusted. */
    public TorchCacheFixture trustedList(String... owners) {
        FixtureFiles.writeText(home.resolve("hub/trusted_list"), String.join("\n", owners) + "\n");
        return this;
    }

    /** An openai-whisper model, {@code whisper/<name>} (e.g. {@code tiny.pt}). */
    public TorchCacheFixture whisperModel(String name, long size) {
        FixtureFiles.write(home.resolve("whisper").resolve(name), size);
        return this;
    }
}
