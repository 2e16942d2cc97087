package dev.cachectl.providers.ml;

import java.util.Optional;

/**
 * A hub cache folder name, {@code <type>s--<org>--<name>} (e.g. {@code models--openai--whisper-large-v3}),
 * split into repo type and repo id.
 *
 * @param type   {@code model}, {@code dataset} or {@code space}
 * @param repoId {@code org/name}, or {@code name} for repos without an organisation
 */
record HubRepoName(String type, String repoId) {

    static Optional<HubRepoName> parse(String folder) {
        for (String type : new String[] {"model", "dataset", "space"}) {
            String prefix = type + "s--";
            if (folder.startsWith(prefix) && folder.length() > prefix.length()) {
                return Optional.of(new HubRepoName(type, folder.substring(prefix.length()).replace("--", "/")));
            }
        }
        return Optional.empty();
    }

    /** Whether this repo comes from the mlx-community organisation, i.e. an Apple MLX model. */
    boolean mlx() {
        return repoId.startsWith("mlx-community/");
    }
}
