package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.Severity;
import dev.cachectl.api.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads an {@code HF_HOME} tree for findings and details. */
final class HubInspection {

    private HubInspection() {
    }

    static List<CacheFinding> findings(CacheTree tree) {
        List<CacheFinding> findings = new ArrayList<>();
        List<String> misplaced = repoFolders(tree, "");
        if (!misplaced.isEmpty()) {
            findings.add(new CacheFinding("HF_TRANSFORMERS_LAYOUT", Severity.WARNING,
                    misplaced.size() + " hub repo folder(s) sit directly in HF_HOME (" + misplaced.getFirst()
                            + (misplaced.size() > 1 ? ", ..." : "") + "): TRANSFORMERS_CACHE once pointed at"
                            + " HF_HOME, so these models may be downloaded twice",
                    "cachectl migrate huggingface (moves them into HF_HOME/hub and merges duplicates)"));
        }
        return List.copyOf(findings);
    }

    static CacheDetails details(CacheTree tree) {
        return new CacheDetails(Map.of("hub_repos", repoFolders(tree, "hub").size()));
    }

    /** Folders named like hub repos ({@code models--org--name}) directly inside {@code dir}. */
    static List<String> repoFolders(CacheTree tree, String dir) {
        List<String> names = new ArrayList<>();
        for (TreeEntry entry : tree.list(dir)) {
            if (entry.kind() == EntryKind.DIRECTORY && HubRepoName.parse(entry.name()).isPresent()) {
                names.add(entry.name());
            }
        }
        return names;
    }
}
