package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.Severity;
import dev.cachectl.api.TreeEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Hugging Face provider's findings, cheap enough for every {@code status}: it lists folders and reads
 * refs, but opens no snapshot (a broken snapshot link shows only with {@code --details}).
 */
final class HubInspection {

    private HubInspection() {
    }

    static List<CacheFinding> findings(CacheTree tree) {
        List<CacheFinding> findings = new ArrayList<>();
        misplacedLayout(tree).ifPresent(findings::add);
        HubCacheScan scan = new HubCacheScan(tree);
        for (HubCorruption corruption : scan.quickCorruptions("hub")) {
            findings.add(new CacheFinding("HF_CORRUPTED_REPO", Severity.WARNING,
                    "hub cache entry " + corruption.path() + " " + corruption.reason()
                            + "; huggingface_hub skips it, so its files are downloaded again",
                    "delete HF_HOME/" + corruption.path() + " (or move it out of HF_HOME/hub);"
                            + " the next download re-creates the repo", corruption.path()));
        }
        List<HubBlobFile> incomplete = scan.incompleteDownloads("hub");
        if (!incomplete.isEmpty()) {
            findings.add(new CacheFinding("HF_INCOMPLETE_DOWNLOADS", Severity.INFO,
                    incomplete.size() + " interrupted download(s) in the hub cache (*.incomplete files, "
                            + incomplete.stream().mapToLong(HubBlobFile::sizeBytes).sum() + " bytes)",
                    "download the same files again to resume them, or delete the *.incomplete files"
                            + " while no download runs"));
        }
        return List.copyOf(findings);
    }

    /** Hub repo folders directly in {@code HF_HOME}: where transformers writes when TRANSFORMERS_CACHE=HF_HOME. */
    private static Optional<CacheFinding> misplacedLayout(CacheTree tree) {
        List<String> misplaced = new ArrayList<>();
        for (TreeEntry entry : tree.list("")) {
            if (entry.kind() == EntryKind.DIRECTORY && HubRepoName.parse(entry.name()).isPresent()) {
                misplaced.add(entry.name());
            }
        }
        if (misplaced.isEmpty()) {
            return Optional.empty();
        }
        Set<String> inHub = new HashSet<>();
        tree.list("hub").forEach(entry -> inHub.add(entry.name()));
        long twice = misplaced.stream().filter(inHub::contains).count();
        return Optional.of(new CacheFinding("HF_TRANSFORMERS_LAYOUT", Severity.WARNING,
                misplaced.size() + " hub repo folder(s) sit directly in HF_HOME instead of HF_HOME/hub ("
                        + misplaced.getFirst() + (misplaced.size() > 1 ? ", ..." : "") + "), "
                        + (twice > 0 ? twice + " of them also in HF_HOME/hub, i.e. downloaded twice"
                                : "where only transformers finds them")
                        + ": TRANSFORMERS_CACHE once pointed at HF_HOME",
                "cachectl migrate huggingface (moves them into HF_HOME/hub and merges duplicates)"));
    }
}
