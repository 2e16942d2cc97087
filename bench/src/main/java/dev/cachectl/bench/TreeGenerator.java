package dev.cachectl.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a deterministic project whose caches look like a real ML pipeline's, with about the requested
 * number of file system entries:
 * <ul>
 *   <li>a Hugging Face hub cache: repos with content-addressed blobs, two revisions of relative snapshot
 *       symlinks each, refs, one large sparse blob per repo;</li>
 *   <li>a datasets cache: many small JSON/arrow files in nested folders (the bulk of the entries);</li>
 *   <li>torch checkpoints: a few large sparse files;</li>
 *   <li>application caches: many small JSON files, some hard-linked between tmdb and glossary.</li>
 * </ul>
 * Usage: {@code TreeGenerator DIR ENTRIES [SEED]}. The same arguments always give the same tree.
 */
public final class TreeGenerator {

    private final Random random;
    private long entries;

    private TreeGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TreeGenerator DIR ENTRIES [SEED]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        if (Files.exists(root)) {
            System.err.println(root + " exists; generate into a new folder");
            System.exit(2);
        }
        long made = new TreeGenerator(seed).generate(root, target);
        System.out.println(made);
    }

    /**
     * Generates the tree of {@code target} entries with the default seed into {@code root}, through a sibling
     * folder renamed at the end, so an interrupted generation never leaves a partial tree under that name.
     */
    static void generateInto(Path root, long target) throws IOException {
        Path partial = root.resolveSibling(root.getFileName() + ".partial");
        if (Files.exists(partial)) {
            throw new IOException(partial + " exists (an interrupted generation?); delete it first");
        }
        new TreeGenerator(42).generate(partial, target);
        Files.move(partial, root);
    }

    long generate(Path root, long target) throws IOException {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/hardware_cache.json"), """
                { "cache": {
                    "base_dir": ".cache",
                    "torch_home": ".cache/torch",
                    "hf_home": ".cache/huggingface",
                    "mlx_home": ".cache/mlx",
                    "application_caches": {
                      "tmdb": "out/tmdb_cache",
                      "musicbrainz": "out/musicbrainz_cache",
                      "glossary": "glossary/cache" } } }
                """);
        entries = 2;
        hub(root.resolve(".cache/huggingface/hub"), Math.max(2, target / 20_000));
        torch(root.resolve(".cache/torch/hub/checkpoints"));
        Path tmdb = root.resolve("out/tmdb_cache");
        Path glossary = root.resolve("glossary/cache");
        long appShare = target / 5;
        smallFiles(tmdb, appShare / 2, "movie");
        smallFiles(root.resolve("out/musicbrainz_cache"), appShare / 4, "recording");
        hardLinks(tmdb, glossary, Math.max(1, appShare / 20));
        Path datasets = root.resolve(".cache/huggingface/datasets");
        long remaining = Math.max(0, target - entries);
        smallFiles(datasets, remaining, "shard");
        return entries;
    }

    private void hub(Path hub, long repos) throws IOException {
        Files.createDirectories(hub.resolve(".locks"));
        entries += 2;
        for (int r = 0; r < repos; r++) {
            String org = r % 3 == 0 ? "mlx-community" : r % 3 == 1 ? "openai" : "facebook";
            Path repo = hub.resolve("models--" + org + "--model-" + r);
            Path blobs = Files.createDirectories(repo.resolve("blobs"));
            Files.createDirectories(repo.resolve("refs"));
            entries += 3;
            String[] names = {"config.json", "tokenizer.json", "generation_config.json", "vocab.json", "README.md"};
            String[] etags = new String[names.length];
            for (int f = 0; f < names.length; f++) {
                byte[] content = json(200 + random.nextInt(4000));
                etags[f] = hex(20);
                Files.write(blobs.resolve(etags[f]), content);
                entries++;
            }
            String weights = hex(32);
            sparse(blobs.resolve(weights), 256L * 1024 * 1024 + random.nextInt(1 << 20));
            entries++;
            for (int rev = 0; rev < 2; rev++) {
                String commit = hex(20);
                Path snapshot = Files.createDirectories(repo.resolve("snapshots").resolve(commit));
                entries += rev == 0 ? 2 : 1;
                for (int f = 0; f < names.length; f++) {
                    Files.createSymbolicLink(snapshot.resolve(names[f]), Path.of("../../blobs/" + etags[f]));
                    entries++;
                }
                Files.createSymbolicLink(snapshot.resolve("model.safetensors"), Path.of("../../blobs/" + weights));
                entries++;
                Files.writeString(repo.resolve("refs").resolve(rev == 0 ? "main" : "v1.0"), commit);
                entries++;
            }
        }
    }

    private void torch(Path checkpoints) throws IOException {
        Files.createDirectories(checkpoints);
        entries += 4;
        for (String name : new String[] {"resnet50-0676ba61.pth", "vgg16-397923af.pth", "large-v3.pt"}) {
            sparse(checkpoints.resolve(name), 100L * 1024 * 1024 + random.nextInt(1 << 20));
            entries++;
        }
    }

    private void smallFiles(Path dir, long count, String prefix) throws IOException {
        long perFolder = 500;
        Path folder = null;
        for (long i = 0; i < count; i++) {
            if (i % perFolder == 0) {
                folder = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "%02x/%04d",
                        (i / perFolder) % 256, i / perFolder)));
                entries++;
            }
            Files.write(folder.resolve(prefix + "-" + i + ".json"), json(64 + random.nextInt(3000)));
            entries++;
        }
    }

    private void hardLinks(Path from, Path to, long count) throws IOException {
        Files.createDirectories(to);
        entries++;
        long made = 0;
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (made++ >= count) {
                    break;
                }
                Files.createLink(to.resolve("linked-" + made + ".json"), file);
                entries++;
            }
        }
    }

    private void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(json(4096));
            raf.setLength(size);
        }
    }

    private byte[] json(int size) {
        StringBuilder text = new StringBuilder(size + 32).append("{\"data\":\"");
        while (text.length() < size) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
