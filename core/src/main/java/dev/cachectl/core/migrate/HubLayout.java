package dev.cachectl.core.migrate;

import dev.cachectl.api.CacheLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a migration must know about a hub cache: repo folders (named as the provider's
 * {@link CacheLayout#repoFolders()} declare, e.g. {@code models--<org>--<name>/}) holding {@code blobs/<etag>},
 * {@code snapshots/<commit>/...} (relative links into {@code blobs/}), {@code refs/<name>} and
 * {@code .no_exist/}, with {@code .locks/} at the cache root. Blob names are content hashes, so a copy can be
 * verified against its name. The rules are the engine's; which folders they apply to is the provider's word.
 */
final class HubLayout {

    /** No repo folders: the hub rules apply nowhere. */
    static final HubLayout NONE = new HubLayout(List.of(), List.of());

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern GIT_SHA1 = Pattern.compile("[0-9a-f]{40}");

    /** How a hub blob's name relates to its content. */
    enum BlobHash {
        /** Not a hub blob, or a name that is no known hash: verified against the source only. */
        NONE,
        /** An LFS file: the name is the SHA-256 of the content. */
        SHA256,
        /** A regular git file: the name is the SHA-1 of {@code blob <length>\0<content>}. */
        GIT_SHA1
    }

    private final List<String> patterns;
    private final List<EntryPattern> repoFolders;

    private HubLayout(List<String> patterns, List<EntryPattern> repoFolders) {
        this.patterns = patterns;
        this.repoFolders = repoFolders;
    }

    /** The hub rules for the repo folders {@code layout} declares. */
    static HubLayout of(CacheLayout layout) {
        return of(layout.repoFolders());
    }

    /** The hub rules for repo folders matching {@code patterns}. */
    static HubLayout of(List<String> patterns) {
        return patterns.isEmpty() ? NONE : new HubLayout(List.copyOf(patterns), EntryPattern.all(patterns));
    }

    /** The declared patterns of repo folder names. */
    List<String> repoFolderPatterns() {
        return patterns;
    }

    /** Whether {@code name} is a hub repo folder name such as {@code models--openai--whisper-tiny}. */
    boolean isRepoFolder(String name) {
        return repoFolders.stream().anyMatch(p -> p.matchesName(name));
    }

    /** Whether {@code directory} holds at least one hub repo folder, i.e. is a hub cache. */
    boolean looksLikeHubCache(Path directory) {
        if (repoFolders.isEmpty()) {
            return false;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.anyMatch(child -> isRepoFolder(child.getFileName().toString())
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The hash a file's name promises, judged from its place in the destination: only files directly in
     * {@code <repo folder>/blobs/} carry one.
     */
    BlobHash blobHash(Path destination) {
        Path parent = destination.getParent();
        if (parent == null || parent.getFileName() == null || !parent.getFileName().toString().equals("blobs")) {
            return BlobHash.NONE;
        }
        Path repo = parent.getParent();
        if (repo == null || repo.getFileName() == null || !isRepoFolder(repo.getFileName().toString())) {
            return BlobHash.NONE;
        }
        String name = destination.getFileName().toString();
        if (SHA256.matcher(name).matches()) {
            return BlobHash.SHA256;
        }
        return GIT_SHA1.matcher(name).matches() ? BlobHash.GIT_SHA1 : BlobHash.NONE;
    }

    /**
     * The order in which a repo folder's parts are merged: blobs first, so no snapshot link in the
     * destination ever points at a blob that is not there yet; refs last, so no ref names a snapshot that
     * is not complete yet.
     */
    static Comparator<String> repoPartOrder() {
        return Comparator.comparingInt(HubLayout::rank).thenComparing(Comparator.naturalOrder());
    }

    private static int rank(String name) {
        return switch (name) {
            case "blobs" -> 0;
            case "snapshots" -> 1;
            case ".no_exist" -> 2;
            case "refs" -> 4;
            default -> 3;
        };
    }

    /** Whether a source-relative path is a ref ({@code <repo>/refs/<name>}, {@code refs/pr/1} nests). */
    boolean isRef(String relativePath) {
        String[] parts = relativePath.split("/");
        for (int i = 0; i + 2 < parts.length; i++) {
            if (isRepoFolder(parts[i]) && parts[i + 1].equals("refs")) {
                return true;
            }
        }
        return false;
    }

    /** The ref's name ({@code main}, {@code pr/1}) of a path that {@link #isRef} accepts. */
    static String refName(String relativePath) {
        int at = relativePath.indexOf("/refs/");
        return at < 0 ? relativePath : relativePath.substring(at + "/refs/".length());
    }

    /**
     * The entry a partial download protects: the nearest enclosing hub repo folder (the whole repo is
     * being written), else the partial file itself.
     */
    String entryProtectedBy(String partialPath) {
        String[] parts = partialPath.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(part);
            if (isRepoFolder(part)) {
                return prefix.toString();
            }
        }
        return partialPath;
    }

    /** The first line of a small text file such as a ref, for messages. */
    static Optional<String> readSmallText(Path file) {
        try {
            if (Files.size(file) > 256) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
