package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One source folder of a migration plan and what happens to each of its entries.
 *
 * @param kind                why it is a source
 * @param provider            the id of the provider whose cache receives it
 * @param origin              what named it (e.g. {@code HF_HUB_CACHE}, {@code legacy cache shared/model-cache})
 * @param root                the source folder (real path)
 * @param destination         where its content goes
 * @param cacheDirectory      the provider's cache directory (holds the migration's journal and lock)
 * @param sameFileSystem      whether source and destination share a file system (entries are renamed)
 * @param removeRootWhenEmpty whether the source folder itself is removed once emptied
 * @param items               the entries, in the order they are processed
 * @param mergedDirectories   source folders the plan descends into (their content merges into an existing
 *                            folder), deepest first; each is removed once emptied
 * @param hubRepoFolders      the names of hub repo folders the receiving provider declares
 *                            ({@link dev.cachectl.api.CacheLayout#repoFolders()}): a blob in one is verified
 *                            against its name when it is copied
 */
public record PlannedSource(SourceKind kind, String provider, String origin, Path root, Path destination,
                            Path cacheDirectory, boolean sameFileSystem, boolean removeRootWhenEmpty,
                            List<PlanItem> items, List<String> mergedDirectories,
                            List<String> hubRepoFolders) {

    /** Validates and copies. */
    public PlannedSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        items = List.copyOf(items);
        mergedDirectories = List.copyOf(mergedDirectories);
        hubRepoFolders = List.copyOf(hubRepoFolders);
    }

    /** Bytes that move or are copied. */
    public long bytesToTransfer() {
        return items.stream().filter(i -> i.action() == PlanAction.MOVE || i.action() == PlanAction.COPY)
                .mapToLong(PlanItem::bytes).sum();
    }

    /** Files and links that move or are copied. */
    public long filesToTransfer() {
        return items.stream().filter(i -> i.action() == PlanAction.MOVE || i.action() == PlanAction.COPY)
                .mapToLong(PlanItem::files).sum();
    }

    /** Whether running the plan changes anything in this source or its destination. */
    public boolean changesFiles() {
        return items.stream().anyMatch(i -> i.action().changesFiles());
    }
}
