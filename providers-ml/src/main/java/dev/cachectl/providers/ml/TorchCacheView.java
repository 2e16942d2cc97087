package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.Severity;
import dev.cachectl.api.TreeEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The torch provider's view of {@code TORCH_HOME}: weights in {@code hub/checkpoints/}, partial downloads
 * beside them, hub code folders {@code hub/<owner>_<repo>_<branch>/}, and openai-whisper models in
 * {@code whisper/} (where cachectl keeps them: openai-whisper itself ignores TORCH_HOME).
 */
final class TorchCacheView {

    static final String CHECKPOINTS = "hub/checkpoints";

    /**
     * torch 2.1+ downloads to {@code <name>.<uuid4 hex>.partial} beside the target; older releases used a
     * {@code NamedTemporaryFile} ({@code tmp*}) in the same folder.
     */
    private static final Pattern PARTIAL = Pattern.compile("tmp.*|.+\\.[0-9a-f]{32}\\.partial");

    private TorchCacheView() {
    }

    static CacheDetails details(CacheTree tree) {
        List<TreeEntry> checkpointFiles = regularFiles(tree, CHECKPOINTS);
        List<TreeEntry> checkpoints = checkpointFiles.stream().filter(e -> !isPartial(e)).toList();
        List<TreeEntry> partials = checkpointFiles.stream().filter(TorchCacheView::isPartial).toList();
        List<TreeEntry> whisper = regularFiles(tree, "whisper").stream().filter(e -> e.name().endsWith(".pt")).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkpoints", files(checkpoints));
        details.put("checkpoint_bytes", bytes(checkpoints));
        details.put("partial_downloads", files(partials));
        details.put("partial_bytes", bytes(partials));
        details.put("hub_repos", hubRepos(tree));
        details.put("whisper_models", files(whisper));
        details.put("whisper_bytes", bytes(whisper));
        return new CacheDetails(details);
    }

    static List<CacheFinding> findings(CacheTree tree) {
        List<TreeEntry> partials = regularFiles(tree, CHECKPOINTS).stream().filter(TorchCacheView::isPartial).toList();
        if (partials.isEmpty()) {
            return List.of();
        }
        return List.of(new CacheFinding("TORCH_PARTIAL_DOWNLOADS", Severity.INFO,
                partials.size() + " partial download(s) in TORCH_HOME/" + CHECKPOINTS + " (" + bytes(partials)
                        + " bytes): interrupted torch.hub downloads, never resumed",
                "delete them while no download runs; torch downloads the checkpoint again when needed"));
    }

    private static boolean isPartial(TreeEntry entry) {
        return PARTIAL.matcher(entry.name()).matches();
    }

    private static List<TreeEntry> regularFiles(CacheTree tree, String dir) {
        return tree.list(dir).stream().filter(e -> e.kind() == EntryKind.FILE).toList();
    }

    /** {@code hub/<owner>_<repo>_<branch>} folders; GitHub owners have no {@code _}, so the owner is exact. */
    private static List<Object> hubRepos(CacheTree tree) {
        List<Object> repos = new ArrayList<>();
        for (TreeEntry entry : tree.list("hub")) {
            if (entry.kind() != EntryKind.DIRECTORY || entry.name().equals("checkpoints")) {
                continue;
            }
            int underscore = entry.name().indexOf('_');
            repos.add(DetailMaps.ordered(
                    "folder", entry.name(),
                    "owner", underscore < 0 ? "" : entry.name().substring(0, underscore),
                    "repo_and_branch", underscore < 0 ? entry.name() : entry.name().substring(underscore + 1),
                    "has_hubconf", tree.entry("hub/" + entry.name() + "/hubconf.py")
                            .map(e -> e.kind() == EntryKind.FILE).orElse(false),
                    "last_modified", DetailMaps.time(entry.modifiedMillis())));
        }
        return repos;
    }

    private static List<Object> files(List<TreeEntry> entries) {
        return entries.stream().<Object>map(e -> DetailMaps.ordered("name", e.name(), "size_bytes", e.size(),
                "last_modified", DetailMaps.time(e.modifiedMillis()))).toList();
    }

    private static long bytes(List<TreeEntry> entries) {
        return entries.stream().mapToLong(TreeEntry::size).sum();
    }
}
