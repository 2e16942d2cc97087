package dev.cachectl.providers.ml;

import java.util.Map;
import java.util.Optional;

/**
 * A hub cache folder name, {@code <type>s--<org>--<name>} (e.g. {@code models--openai--whisper-large-v3}),
 * split into repo type and repo id the way huggingface_hub's {@code scan_cache_dir} splits it: at the first
 * {@code --}, the prefix naming the type, every further {@code --} becoming {@code /}.
 *
 * @param type   {@code model}, {@code dataset}, {@code space} or {@code kernel}
 * @param repoId {@code org/name}, or {@code name} for repos without an organisation
 */
record HubRepoName(String type, String repoId) {

    /** huggingface_hub's {@code REPO_TYPES_MAPPING}: folder prefix to repo type. */
    private static final Map<String, String> TYPES = Map.of(
            "models", "model", "datasets", "dataset", "spaces", "space", "kernels", "kernel");

    /** The name of a valid repo folder. */
    static Optional<HubRepoName> parse(String folder) {
        return problem(folder).isPresent() ? Optional.empty() : Optional.of(split(folder));
    }

    /** Why {@code folder} is not a valid repo folder name (scan_cache_dir's wording, shortened); empty if it is. */
    static Optional<String> problem(String folder) {
        int separator = folder.indexOf("--");
        if (separator < 0) {
            return Optional.of("not a hub cache folder name (expected <type>s--<org>--<name>)");
        }
        String prefix = folder.substring(0, separator);
        if (!TYPES.containsKey(prefix)) {
            return Optional.of("unknown repo type '" + prefix + "' (expected models, datasets, spaces or kernels)");
        }
        return Optional.empty();
    }

    private static HubRepoName split(String folder) {
        int separator = folder.indexOf("--");
        return new HubRepoName(TYPES.get(folder.substring(0, separator)),
                folder.substring(separator + 2).replace("--", "/"));
    }

    /** Whether this repo comes from the mlx-community organisation, i.e. an Apple MLX model. */
    boolean mlx() {
        return repoId.startsWith("mlx-community/");
    }

    /** {@code type/id}, e.g. {@code model/openai/whisper-small}: the id huggingface_hub's cache tools print. */
    String cacheId() {
        return type + "/" + repoId;
    }
}
