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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PyTorch's cache ({@code TORCH_HOME}): {@code hub/checkpoints/} holds weights downloaded by
 * {@code torch.hub.load_state_dict_from_url}, {@code hub/<owner>_<repo>_<branch>/} holds hub code, and
 * {@code <name>.<hex>.partial} (torch 2.1+) and {@code tmp*} (older) files in {@code checkpoints/} are partial
 * downloads. openai-whisper ignores
 * {@code TORCH_HOME} and keeps its models in {@code $XDG_CACHE_HOME/whisper}; that folder is reported as
 * an outside location whose content belongs in {@code <torch_home>/whisper}.
 */
public final class TorchProvider implements CacheProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public TorchProvider() {
    }

    @Override
    public int apiVersion() {
        return CacheProvider.API_VERSION;
    }

    @Override
    public String id() {
        return "torch";
    }

    @Override
    public String displayName() {
        return "PyTorch hub";
    }

    @Override
    public CacheCategory category() {
        return CacheCategory.MODEL;
    }

    @Override
    public ConfigKey configKey() {
        return ConfigKey.of("torch_home");
    }

    @Override
    public String defaultPath() {
        return ".cache/torch";
    }

    @Override
    public EnvironmentSpec environment(Path directory) {
        return EnvironmentSpec.setting(Map.of("TORCH_HOME", directory.toString()));
    }

    /**
     * What a torch home holds at its top level: {@code hub/} (code and {@code checkpoints/}), the older
     * {@code checkpoints/}, compiled {@code kernels/}, and the {@code whisper/} folder a project's torch cache
     * keeps openai-whisper's models in.
     */
    static final List<String> TORCH_HOME_LAYOUT = List.of("hub/", "checkpoints/", "kernels/", "whisper/",
            "CACHEDIR.TAG", ".DS_Store");
    /** What openai-whisper's model folder holds: {@code <model>.pt} files. */
    static final List<String> WHISPER_LAYOUT = List.of("*.pt", ".DS_Store");

    @Override
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        List<OutsideLocation> locations = new ArrayList<>();
        host.path("TORCH_HOME").ifPresent(p -> locations.add(new OutsideLocation(p, "", "TORCH_HOME",
                TORCH_HOME_LAYOUT)));
        locations.add(new OutsideLocation(host.xdgCacheHome().resolve("torch"), "",
                "default ${XDG_CACHE_HOME:-~/.cache}/torch", TORCH_HOME_LAYOUT));
        locations.add(new OutsideLocation(host.xdgCacheHome().resolve("whisper"), "whisper",
                "openai-whisper models (${XDG_CACHE_HOME:-~/.cache}/whisper)", WHISPER_LAYOUT));
        return List.copyOf(locations);
    }

    /**
     * Where a legacy folder's torch entries go: a {@code hub/} (code and {@code checkpoints/}; a {@code hub/}
     * holding hub repo folders is claimed by the provider whose repo folders they are), the older top-level
     * {@code checkpoints/}, a whole {@code torch/} home and openai-whisper's {@code whisper/}.
     */
    static final CacheLayout LAYOUT = CacheLayout.NONE
            .place("hub/", "hub")
            .place("checkpoints/", "hub/checkpoints")
            .place("torch/", "")
            .place("whisper/", "whisper");

    @Override
    public CacheLayout layout() {
        return LAYOUT;
    }

    @Override
    public CacheRules rules() {
        return new CacheRules(Set.of(), List.of(), List.of("hub/checkpoints/tmp*", "hub/checkpoints/*.partial"));
    }

    @Override
    public List<CacheFinding> inspect(CacheTree tree) {
        return TorchCacheView.findings(tree);
    }

    @Override
    public CacheDetails details(CacheTree tree) {
        return TorchCacheView.details(tree);
    }
}
