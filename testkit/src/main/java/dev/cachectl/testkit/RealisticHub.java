package dev.cachectl.testkit;

import java.nio.file.Path;

/**
 * The hub cache most tests use: every case a real cache holds, with sizes chosen so that every sum is
 * unambiguous. Built under {@code HF_HOME/hub}, plus {@code HF_HOME/token}.
 *
 * <pre>
 * models--openai--whisper-small           blobs: CONFIG 1 000, WEIGHTS_V1 50 000, WEIGHTS_V2 70 000,
 *                                                TOKENIZER 3 000, ONNX 9 000, ORPHAN 4 000 (unreferenced),
 *                                                WEIGHTS_V3.incomplete 2 500
 *   snapshots/REV_OLD   (detached)        config.json, model.safetensors(V1), tokenizer.json
 *   snapshots/REV_MAIN  (refs/main)       config.json, model.safetensors(V2), tokenizer.json
 *   snapshots/REV_PR    (refs/pr/1)       config.json, onnx/encoder.onnx
 *   .no_exist/REV_MAIN/generation_config.json
 * models--mlx-community--whisper-tiny-mlx snapshots/REV_MLX (refs/main): real files config.json 500,
 *                                         weights.npz 20 000 (no symlinks)
 * datasets--google--fleurs                blobs: FLEURS 7 000; snapshots/REV_FLEURS (refs/main) data.tar
 * models--broken--linked                  snapshots/REV_BROKEN (refs/main): config.json -> missing blob
 * .locks/models--openai--whisper-small/WEIGHTS_V2.lock, CACHEDIR.TAG
 * </pre>
 *
 * <p>huggingface_hub's {@code scan_cache_dir} on this tree: 3 repos (whisper-small 133 000 bytes in 5 blobs,
 * whisper-tiny-mlx 20 500 in 2, fleurs 7 000 in 1), total 160 500, one warning (the broken link), one
 * incomplete file of 2 500 bytes.
 */
public final class RealisticHub {

    /** The main repo's folder. */
    public static final String WHISPER = "models--openai--whisper-small";
    /** The MLX repo's folder. */
    public static final String MLX = "models--mlx-community--whisper-tiny-mlx";
    /** The dataset repo's folder. */
    public static final String FLEURS = "datasets--google--fleurs";
    /** The repo with a broken snapshot link. */
    public static final String BROKEN = "models--broken--linked";

    /** Commits. */
    public static final String REV_OLD = FixtureFiles.sha1("rev-old");
    /** The commit {@code refs/main} points at. */
    public static final String REV_MAIN = FixtureFiles.sha1("rev-main");
    /** The commit {@code refs/pr/1} points at. */
    public static final String REV_PR = FixtureFiles.sha1("rev-pr");
    /** The MLX repo's commit. */
    public static final String REV_MLX = FixtureFiles.sha1("rev-mlx");
    /** The dataset's commit. */
    public static final String REV_FLEURS = FixtureFiles.sha1("rev-fleurs");
    /** The broken repo's commit. */
    public static final String REV_BROKEN = FixtureFiles.sha1("rev-broken");

    /** Blob etags: git sha1 for small files, sha256 for LFS files. */
    public static final String CONFIG = FixtureFiles.sha1("config.json");
    /** First weights. */
    public static final String WEIGHTS_V1 = FixtureFiles.sha256("weights-v1");
    /** Second weights. */
    public static final String WEIGHTS_V2 = FixtureFiles.sha256("weights-v2");
    /** Interrupted third weights. */
    public static final String WEIGHTS_V3 = FixtureFiles.sha256("weights-v3");
    /** Shared by REV_OLD and REV_MAIN. */
    public static final String TOKENIZER = FixtureFiles.sha1("tokenizer.json");
    /** Only in REV_PR, at a nested path. */
    public static final String ONNX = FixtureFiles.sha256("encoder.onnx");
    /** Referenced by no snapshot. */
    public static final String ORPHAN = FixtureFiles.sha256("orphan");
    /** The dataset's blob. */
    public static final String FLEURS_DATA = FixtureFiles.sha256("fleurs");

    private RealisticHub() {
    }

    /** Builds the tree under {@code hfHome} and returns the hub fixture ({@code hfHome/hub}). */
    public static HubCacheFixture build(Path hfHome) {
        FixtureFiles.writeText(hfHome.resolve("token"), "hf_notARealToken");
        HubCacheFixture hub = HubCacheFixture.at(hfHome.resolve("hub")).cacheDirTag();
        HubRepoFixture whisper = hub.model("openai/whisper-small")
                .blob(CONFIG, 1_000).blob(WEIGHTS_V1, 50_000).blob(WEIGHTS_V2, 70_000)
                .blob(TOKENIZER, 3_000).blob(ONNX, 9_000).blob(ORPHAN, 4_000).incomplete(WEIGHTS_V3, 2_500)
                .link(REV_OLD, "config.json", CONFIG).link(REV_OLD, "model.safetensors", WEIGHTS_V1)
                .link(REV_OLD, "tokenizer.json", TOKENIZER)
                .link(REV_MAIN, "config.json", CONFIG).link(REV_MAIN, "model.safetensors", WEIGHTS_V2)
                .link(REV_MAIN, "tokenizer.json", TOKENIZER)
                .link(REV_PR, "config.json", CONFIG).link(REV_PR, "onnx/encoder.onnx", ONNX)
                .ref("main", REV_MAIN).ref("refs/pr/1", REV_PR)
                .noExist(REV_MAIN, "generation_config.json");
        hub.lock(whisper, WEIGHTS_V2);
        hub.model("mlx-community/whisper-tiny-mlx")
                .realFile(REV_MLX, "config.json", 500).realFile(REV_MLX, "weights.npz", 20_000)
                .ref("main", REV_MLX);
        hub.dataset("google/fleurs").blob(FLEURS_DATA, 7_000).link(REV_FLEURS, "data.tar", FLEURS_DATA)
                .ref("main", REV_FLEURS);
        hub.model("broken/linked").link(REV_BROKEN, "config.json", FixtureFiles.sha1("never-downloaded"))
                .ref("main", REV_BROKEN);
        return hub;
    }
}
