package dev.cachectl.core.migrate;

import dev.cachectl.api.CacheLayout;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.paths.Placeholders;
import dev.cachectl.core.registry.ProviderCallException;
import dev.cachectl.core.registry.RegisteredProvider;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the folders to migrate: the selected providers' outside locations, the legacy caches, the
 * misplaced-transformers layout, or one {@code --from} folder; then {@link SourceVetting} drops or refuses
 * the unsafe ones.
 */
final class SourceDiscovery {

    /** What discovery found. */
    record Found(List<MigrationSource> sources, List<SkippedLocation> skipped) {
    }

    private final Workspace workspace;
    private final List<CacheLocation> selected;
    private final List<MigrationSource> candidates = new ArrayList<>();
    private final List<SkippedLocation> skipped = new ArrayList<>();
    private final Map<String, LegacyLayout.Declared> layouts = new HashMap<>();
    private final Set<String> failedLayouts = new HashSet<>();

    private SourceDiscovery(Workspace workspace, List<CacheLocation> selected) {
        this.workspace = workspace;
        this.selected = selected;
    }

    /** The sources of the selected caches, or only {@code from} when given (then exactly one cache). */
    static Found discover(Workspace workspace, List<CacheLocation> selected, Optional<Path> from) {
        SourceDiscovery discovery = new SourceDiscovery(workspace, selected);
        if (from.isPresent()) {
            if (selected.size() != 1) {
                throw new IllegalArgumentException("--from needs exactly one provider");
            }
            discovery.addFrom(selected.getFirst(), from.get());
        } else {
            discovery.addOutsideLocations(workspace.host());
            discovery.addLegacyCaches();
            discovery.addMisplacedLayout();
        }
        return new SourceVetting(workspace, discovery.skipped).vet(discovery.candidates);
    }

    private void addFrom(CacheLocation cache, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        LegacyLayout.Declared layout = declared(cache.provider());
        if (failedLayouts.contains(cache.id())) {
            // Where the folder's content belongs is the layout's word: without it nothing is moved.
            return;
        }
        candidates.add(new MigrationSource(SourceKind.FROM, cache, "--from", absolute,
                LegacyLayout.fromTarget(layout, absolute), Set.of(), true, layout.hub()));
    }

    private void addOutsideLocations(HostEnvironment host) {
        for (CacheLocation cache : selected) {
            List<OutsideLocation> locations;
            try {
                locations = cache.provider().outsideLocations(host);
            } catch (ProviderCallException e) {
                skipped.add(new SkippedLocation(cache.directory(), cache.id(), "outsideLocations()",
                        "provider failed to name its outside locations: " + e.getMessage(), true));
                continue;
            }
            for (OutsideLocation location : locations) {
                candidates.add(new MigrationSource(SourceKind.OUTSIDE, cache, location.origin(),
                        location.path().toAbsolutePath().normalize(), location.target(), Set.of(), true,
                        location.layout(), declared(cache.provider()).hub()));
            }
        }
    }

    private void addLegacyCaches() {
        Path root = workspace.project().root();
        for (String raw : workspace.config().legacyCaches()) {
            Path folder = CachePaths.resolve(root, workspace.host().home(), raw);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String origin = "legacy cache " + raw;
            LegacyLayout layout = legacyLayout();
            Set<String> holdingRepos = layout.holdingRepos(folder);
            // Entries that go into a target themselves (repo folders, files): one source per provider and target.
            Map<LegacyLayout.Placement, Set<String>> groups = new LinkedHashMap<>();
            for (Path entry : LegacyLayout.children(folder)) {
                String name = entry.getFileName().toString();
                if (Placeholders.isPlaceholder(name)) {
                    continue;
                }
                Optional<LegacyLayout.Placement> placement = layout.place(entry, holdingRepos);
                if (placement.isEmpty()) {
                    skipped.add(new SkippedLocation(entry, "", origin, "not a layout cachectl recognises ("
                            + layout.recognised() + "); move it yourself or use 'cachectl migrate PROVIDER --from "
                            + entry + "'", true));
                    continue;
                }
                LegacyLayout.Placement place = placement.get();
                Optional<CacheLocation> cache = selectedCache(place.provider());
                if (cache.isEmpty()) {
                    continue;
                }
                if (place.grouped()) {
                    groups.computeIfAbsent(place, p -> new LinkedHashSet<>()).add(name);
                } else {
                    candidates.add(new MigrationSource(SourceKind.LEGACY, cache.get(), origin, entry, place.target(),
                            Set.of(), true, declared(cache.get().provider()).hub()));
                }
            }
            groups.forEach((place, entries) -> {
                CacheLocation cache = selectedCache(place.provider()).orElseThrow();
                candidates.add(new MigrationSource(SourceKind.LEGACY, cache, origin, folder, place.target(), entries,
                        false, declared(cache.provider()).hub()));
            });
        }
    }

    /**
     * Hub repo folders straight in a provider's directory (and their lock folders) belong where its layout puts
     * them: in HF_HOME/hub, not HF_HOME, where transformers wrote them while TRANSFORMERS_CACHE pointed there.
     */
    private void addMisplacedLayout() {
        for (CacheLocation cache : selected) {
            LegacyLayout.Declared layout = declared(cache.provider());
            String target = layout.layout().repoTarget();
            if (layout.hub() == HubLayout.NONE || target.isEmpty()) {
                continue;
            }
            Set<String> entries = new LinkedHashSet<>();
            List<Path> children = LegacyLayout.children(cache.directory());
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (layout.hub().isRepoFolder(name) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(name);
                }
            }
            if (entries.isEmpty()) {
                continue;
            }
            // Only companion folders: a file beside them (CACHEDIR.TAG) may be the cache directory's own.
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (layout.companions().stream().anyMatch(p -> p.matchesName(name))
                        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(name);
                }
            }
            candidates.add(new MigrationSource(SourceKind.MISPLACED_LAYOUT, cache,
                    "hub repo folders directly in the " + cache.provider().displayName() + " cache instead of "
                            + target + "/", cache.directory(), target, entries, false, layout.hub()));
        }
    }

    private Optional<CacheLocation> selectedCache(String providerId) {
        return selected.stream().filter(c -> c.id().equals(providerId)).findFirst();
    }

    /** The registered providers' layouts, in the registry's order. */
    private LegacyLayout legacyLayout() {
        return new LegacyLayout(workspace.registry().providers().stream().map(this::declared).toList());
    }

    /**
     * A provider's declared layout, asked once; a provider that fails to answer declares nothing, and when it is
     * one of the selected the failure is reported.
     */
    private LegacyLayout.Declared declared(RegisteredProvider provider) {
        return layouts.computeIfAbsent(provider.id(), id -> {
            try {
                return LegacyLayout.Declared.of(id, provider.origin().builtIn(), provider.layout());
            } catch (ProviderCallException e) {
                failedLayouts.add(id);
                selectedCache(id).ifPresent(cache -> skipped.add(new SkippedLocation(cache.directory(), id,
                        "layout()", "provider failed to declare its cache layout: " + e.getMessage(), true)));
                return LegacyLayout.Declared.of(id, provider.origin().builtIn(), CacheLayout.NONE);
            }
        });
    }
}
