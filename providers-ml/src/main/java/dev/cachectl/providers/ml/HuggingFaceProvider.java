package dev.cachectl.providers.ml;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheLayout;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.CacheRules;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Hugging Face cache ({@code HF_HOME}) used by huggingface_hub, transformers, datasets,
 * faster-whisper, WhisperX and mlx-lm. The hub cache is {@code HF_HOME/hub}; {@code TRANSFORMERS_CACHE}
 * is deprecated and is exported equal to the hub cache, never to {@code HF_HOME} itself (the old scripts'
 * mistake, which makes transformers download every model a second time straight into {@code HF_HOME}).
 * {@code HF_HOME/token} and {@code HF_HOME/stored_tokens} hold credentials and are never deleted.
 */
public final class HuggingFaceProvider implements CacheProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public HuggingFaceProvider() {
    }

    @Override
    public int apiVersion() {
        return CacheProvider.API_VERSION;
    }

    @Override
    public String id() {
        return "huggingface";
    }

    @Override
    public String displayName() {
        return "Hugging Face";
    }

    @Override
    public CacheCategory category() {
        return CacheCategory.MODEL;
    }

    @Override
    public ConfigKey configKey() {
        return ConfigKey.of("hf_home");
    }

    @Override
    public String defaultPath() {
        return ".cache/huggingface";
    }

    @Override
    public EnvironmentSpec environment(Path directory) {
        String hub = directory.resolve("hub").toString();
        Map<String, String> set = new LinkedHashMap<>();
        set.put("HF_HOME", directory.toString());
        set.put("HF_HUB_CACHE", hub);
        // The legacy name is still read by old huggingface_hub releases; keep it equal to the hub cache.
        set.put("HUGGINGFACE_HUB_CACHE", hub);
        // Deprecated, but transformers < 5 still reads it: it must equal the hub cache, never HF_HOME.
        set.put("TRANSFORMERS_CACHE", hub);
        set.put("HF_XET_CACHE", directory.resolve("xet").toString());
        set.put("HF_ASSETS_CACHE", directory.resolve("assets").toString());
        set.put("HF_DATASETS_CACHE", directory.resolve("datasets").toString());
        // Older aliases that transformers would otherwise consult when TRANSFORMERS_CACHE is unset.
        return new EnvironmentSpec(set, List.of("PYTORCH_TRANSFORMERS_CACHE", "PYTORCH_PRETRAINED_BERT_CACHE"));
    }

    /**
     * What a hub cache holds at its top level: repo folders, the download locks, the shared blob store of
     * huggingface_hub 2.0 with its marker, {@code CACHEDIR.TAG}, and {@code version.txt} (transformers) and
     * {@code version_diffusers_cache.txt} (diffusers).
     */
    static final List<String> HUB_LAYOUT = List.of("models--*/", "datasets--*/", "spaces--*/", ".locks/", "blobs/",
            ".huggingface-shared-blobs", "CACHEDIR.TAG", "version*.txt", ".DS_Store");
    /** What a datasets cache holds at its top level: one folder per dataset, {@code downloads/} and locks. */
    static final List<String> DATASETS_LAYOUT = List.of("*/", "*.lock", ".DS_Store");

    @Override
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        List<OutsideLocation> locations = new java.util.ArrayList<>();
        host.path("HF_HUB_CACHE").ifPresent(p -> locations.add(hub(p, "HF_HUB_CACHE")));
        host.path("HUGGINGFACE_HUB_CACHE").ifPresent(p -> locations.add(hub(p, "HUGGINGFACE_HUB_CACHE")));
        host.path("TRANSFORMERS_CACHE").ifPresent(p -> locations.add(hub(p, "TRANSFORMERS_CACHE")));
        host.path("HF_HOME").ifPresent(p -> {
            locations.add(hub(p.resolve("hub"), "HF_HOME/hub"));
            locations.add(datasets(p.resolve("datasets"), "HF_HOME/datasets"));
        });
        Path defaultHome = host.xdgCacheHome().resolve("huggingface");
        locations.add(hub(defaultHome.resolve("hub"), "default ${XDG_CACHE_HOME:-~/.cache}/huggingface/hub"));
        locations.add(datasets(defaultHome.resolve("datasets"),
                "default ${XDG_CACHE_HOME:-~/.cache}/huggingface/datasets"));
        return locations.stream().distinct().toList();
    }

    private static OutsideLocation hub(Path path, String origin) {
        return new OutsideLocation(path, "hub", origin, HUB_LAYOUT);
    }

    private static OutsideLocation datasets(Path path, String origin) {
        return new OutsideLocation(path, "datasets", origin, DATASETS_LAYOUT);
    }

    /**
     * Hub repo folders belong in {@code hub/}, with the download locks and {@code CACHEDIR.TAG} beside them; a
     * legacy {@code hub/} holding repo folders is a hub cache, a {@code huggingface/} folder a whole HF_HOME.
     */
    static final CacheLayout LAYOUT = CacheLayout.hubRepos("hub", List.of("models--?*", "datasets--?*",
            "spaces--?*"), List.of(".locks", "CACHEDIR.TAG"))
            .placeWhenHoldingRepos("hub/", "hub")
            .place("huggingface/", "");

    @Override
    public CacheLayout layout() {
        return LAYOUT;
    }

    @Override
    public CacheRules rules() {
        return new CacheRules(Set.of("token", "stored_tokens"), List.of("hub/.locks/**.lock"),
                List.of("hub/*/blobs/*.incomplete", "*/blobs/*.incomplete"));
    }

    /** A lock in {@code hub/.locks/<repo folder>/...} protects {@code hub/<repo folder>}. */
    @Override
    public String lockedEntry(String lockPath) {
        String prefix = "hub/.locks/";
        if (lockPath.startsWith(prefix)) {
            String rest = lockPath.substring(prefix.length());
            int slash = rest.indexOf('/');
            return "hub/" + (slash < 0 ? rest : rest.substring(0, slash));
        }
        return CacheProvider.super.lockedEntry(lockPath);
    }

    @Override
    public List<CacheFinding> inspect(CacheTree tree) {
        return HubInspection.findings(tree);
    }

    @Override
    public CacheDetails details(CacheTree tree) {
        return HubDetails.of(tree);
    }
}
