package dev.cachectl.core.migrate;

import dev.cachectl.core.paths.Placeholders;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Where the entries of a legacy model cache ({@code shared/model-cache/} of the old scripts) belong. The
 * folder held model files in whatever layout the library that wrote them used, so each top-level entry is
 * recognised by its shape:
 *
 * <table>
 *   <caption>legacy layouts</caption>
 *   <tr><th>entry</th><th>provider</th><th>goes to</th></tr>
 *   <tr><td>{@code models--*}, {@code datasets--*}, {@code spaces--*} (and {@code .locks/},
 *       {@code CACHEDIR.TAG} beside them)</td><td>huggingface</td><td>{@code hub/}</td></tr>
 *   <tr><td>{@code hub/} holding hub repo folders</td><td>huggingface</td><td>{@code hub/}</td></tr>
 *   <tr><td>{@code hub/} otherwise (torch hub code and {@code checkpoints/})</td><td>torch</td><td>{@code hub/}</td></tr>
 *   <tr><td>{@code checkpoints/}</td><td>torch</td><td>{@code hub/checkpoints/}</td></tr>
 *   <tr><td>{@code huggingface/} (a whole HF_HOME)</td><td>huggingface</td><td>the cache itself</td></tr>
 *   <tr><td>{@code torch/} (a whole TORCH_HOME)</td><td>torch</td><td>the cache itself</td></tr>
 *   <tr><td>{@code whisper/} (openai-whisper models)</td><td>torch</td><td>{@code whisper/}</td></tr>
 * </table>
 *
 * Anything else is left where it is and reported. The provider ids are the built-in ones: these layouts
 * are the old pipeline's, not a third party's.
 */
final class LegacyLayout {

    static final String HUGGINGFACE = "huggingface";
    static final String TORCH = "torch";

    /** Files that only keep an empty folder in git: never moved, never reported. */
    static final Set<String> PLACEHOLDERS = Placeholders.NAMES;

    /** Entries that travel with hub repo folders when those sit directly in the legacy folder. */
    private static final Set<String> HUB_COMPANIONS = Set.of(".locks", "CACHEDIR.TAG");

    /**
     * Where one legacy entry goes.
     *
     * @param provider  the provider id
     * @param target    the folder in that provider's cache
     * @param wholeRoot whether the entry belongs to the hub-at-root group (the legacy folder itself is a hub
     *                  cache) rather than being a source of its own
     */
    record Placement(String provider, String target, boolean wholeRoot) {
    }

    private LegacyLayout() {
    }

    /** Where {@code entry} (a child of the legacy folder) goes; empty when its layout is not recognised. */
    static Optional<Placement> place(Path entry, boolean folderHoldsHubRepos) {
        String name = entry.getFileName().toString();
        boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
        if (HubLayout.isRepoFolder(name) && directory) {
            return Optional.of(new Placement(HUGGINGFACE, "hub", true));
        }
        if (HUB_COMPANIONS.contains(name) && folderHoldsHubRepos) {
            return Optional.of(new Placement(HUGGINGFACE, "hub", true));
        }
        if (!directory) {
            return Optional.empty();
        }
        return switch (name) {
            case "hub" -> Optional.of(HubLayout.looksLikeHubCache(entry) ? new Placement(HUGGINGFACE, "hub", false)
                    : new Placement(TORCH, "hub", false));
            case "checkpoints" -> Optional.of(new Placement(TORCH, "hub/checkpoints", false));
            case "huggingface" -> Optional.of(new Placement(HUGGINGFACE, "", false));
            case "torch" -> Optional.of(new Placement(TORCH, "", false));
            case "whisper" -> Optional.of(new Placement(TORCH, "whisper", false));
            default -> Optional.empty();
        };
    }
}
