package dev.cachectl.core.migrate;

/** Why a folder is a migration source. */
public enum SourceKind {
    /** A provider's outside location, e.g. {@code ~/.cache/huggingface/hub}. */
    OUTSIDE("outside"),
    /** A legacy cache of the project ({@code cache.legacy_caches}, default {@code shared/model-cache}). */
    LEGACY("legacy"),
    /** Hub repo folders directly in the project's {@code HF_HOME} (transformers with TRANSFORMERS_CACHE=HF_HOME). */
    MISPLACED_LAYOUT("misplaced_layout"),
    /** A folder named with {@code --from}. */
    FROM("from");

    private final String jsonName;

    SourceKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The lowercase name used in {@code --json} output. */
    public String jsonName() {
        return jsonName;
    }
}
