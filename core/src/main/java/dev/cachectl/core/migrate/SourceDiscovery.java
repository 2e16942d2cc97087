package dev.cachectl.core.migrate;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.registry.ProviderCallException;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
        candidates.add(new MigrationSource(SourceKind.FROM, cache, "--from", absolute, fromTarget(cache.id(), absolute),
                Set.of(), true));
    }

    /**
     * Where a {@code --from} folder's content goes: a folder of hub repos is a hub cache, a folder with
     * {@code checkpoints/} but no {@code hub/} is a torch hub folder; otherwise it is the cache itself.
     */
    static String fromTarget(String providerId, Path folder) {
        if (providerId.equals(LegacyLayout.HUGGINGFACE) && HubLayout.looksLikeHubCache(folder)) {
            return "hub";
        }
        if (providerId.equals(LegacyLayout.TORCH) && Files.isDirectory(folder.resolve("checkpoints"))
                && !Files.exists(folder.resolve("hub"))) {
            return "hub";
        }
        return "";
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
                        location.layout()));
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
            boolean holdsHubRepos = HubLayout.looksLikeHubCache(folder);
            Set<String> hubEntries = new LinkedHashSet<>();
            for (Path entry : children(folder)) {
                String name = entry.getFileName().toString();
                if (LegacyLayout.PLACEHOLDERS.contains(name)) {
                    continue;
                }
                Optional<LegacyLayout.Placement> placement = LegacyLayout.place(entry, holdsHubRepos);
                if (placement.isEmpty()) {
                    skipped.add(new SkippedLocation(entry, "", origin, "not a layout cachectl recognises (hub repo "
                            + "folders, hub/, checkpoints/, huggingface/, torch/, whisper/); move it yourself or "
                            + "use 'cachectl migrate PROVIDER --from " + entry + "'", true));
                    continue;
                }
                LegacyLayout.Placement place = placement.get();
                Optional<CacheLocation> cache = selectedCache(place.provider());
                if (cache.isEmpty()) {
                    continue;
                }
                if (place.wholeRoot()) {
                    hubEntries.add(name);
                } else {
                    candidates.add(new MigrationSource(SourceKind.LEGACY, cache.get(), origin, entry, place.target(),
                            Set.of(), true));
                }
            }
            if (!hubEntries.isEmpty()) {
                selectedCache(LegacyLayout.HUGGINGFACE).ifPresent(cache -> candidates.add(new MigrationSource(
                        SourceKind.LEGACY, cache, origin, folder, "hub", hubEntries, false)));
            }
        }
    }

    /** Hub repo folders straight in the project's HF_HOME (and their locks) belong in HF_HOME/hub. */
    private void addMisplacedLayout() {
        selectedCache(LegacyLayout.HUGGINGFACE).ifPresent(cache -> {
            Set<String> entries = new LinkedHashSet<>();
            for (Path child : children(cache.directory())) {
                String name = child.getFileName().toString();
                if (HubLayout.isRepoFolder(name) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(name);
                }
            }
            if (!entries.isEmpty()) {
                if (Files.isDirectory(cache.directory().resolve(".locks"), LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(".locks");
                }
                candidates.add(new MigrationSource(SourceKind.MISPLACED_LAYOUT, cache,
                        "hub repo folders directly in HF_HOME (TRANSFORMERS_CACHE once pointed there)",
                        cache.directory(), "hub", entries, false));
            }
        });
    }

    private Optional<CacheLocation> selectedCache(String providerId) {
        return selected.stream().filter(c -> c.id().equals(providerId)).findFirst();
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
