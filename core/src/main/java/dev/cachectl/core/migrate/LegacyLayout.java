package dev.cachectl.core.migrate;

import dev.cachectl.api.CacheLayout;
import dev.cachectl.core.paths.Placeholders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the entries of a legacy model cache ({@code shared/model-cache/} of the old scripts) and the content of a
 * {@code --from} folder belong, as the providers' {@link CacheLayout}s declare. The legacy folder held model files
 * in whatever layout the library that wrote them used, so each top-level entry is recognised by its shape: a
 * provider's hub repo folders (and their companions beside them), or an entry one of its placements matches.
 * Anything no provider claims is left where it is and reported. No provider is known here by its id.
 */
final class LegacyLayout {


    /**
     * One provider's declared layout, its patterns compiled.
     *
     * @param provider   the provider id
     * @param builtIn    whether it ships with cachectl (its claims come before any plugin's)
     * @param layout     what it declared
     * @param hub        the hub rules for its repo folders
     * @param companions what travels with its repo folders
     * @param placements its placements with their patterns
     */
    record Declared(String provider, boolean builtIn, CacheLayout layout, HubLayout hub,
                    List<EntryPattern> companions, List<Rule> placements) {

        static Declared of(String provider, boolean builtIn, CacheLayout layout) {
            return new Declared(provider, builtIn, layout, HubLayout.of(layout),
                    EntryPattern.all(layout.repoCompanions()),
                    layout.placements().stream().map(p -> new Rule(EntryPattern.of(p.entry()), p)).toList());
        }
    }

    /** A placement and its compiled pattern. */
    record Rule(EntryPattern pattern, CacheLayout.Placement placement) {
    }

    /**
     * Where one legacy entry goes.
     *
     * @param provider the provider id
     * @param target   the folder in that provider's cache
     * @param grouped  whether the entry itself goes into {@code target}, with the others of the same provider and
     *                 target (one source: the legacy folder), rather than its content being a source of its own
     */
    record Placement(String provider, String target, boolean grouped) {
    }

    private final List<Declared> declared;

    /**
     * The layouts of the registered providers, in the registry's order: the first claim wins a tie, and the
     * built-in providers' claims come before any plugin's, so a plugin cannot take their entries.
     */
    LegacyLayout(List<Declared> declared) {
        this.declared = List.copyOf(declared);
    }

    /** The providers whose hub repo folders sit directly in {@code folder}. */
    Set<String> holdingRepos(Path folder) {
        Set<String> holding = new LinkedHashSet<>();
        declared.stream().filter(d -> d.hub().looksLikeHubCache(folder)).forEach(d -> holding.add(d.provider()));
        return holding;
    }

    /**
     * Where {@code entry} (a child of the legacy folder) goes; empty when no provider claims it.
     *
     * @param holdingRepos the providers whose repo folders sit beside it ({@link #holdingRepos})
     */
    Optional<Placement> place(Path entry, Set<String> holdingRepos) {
        String name = entry.getFileName().toString();
        boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
        return placeAmong(declared.stream().filter(Declared::builtIn).toList(), entry, name, directory, holdingRepos)
                .or(() -> placeAmong(declared.stream().filter(d -> !d.builtIn()).toList(), entry, name, directory,
                        holdingRepos));
    }

    private static Optional<Placement> placeAmong(List<Declared> declared, Path entry, String name,
                                                  boolean directory, Set<String> holdingRepos) {
        for (Declared d : declared) {
            if (directory && d.hub().isRepoFolder(name)) {
                return Optional.of(new Placement(d.provider(), d.layout().repoTarget(), true));
            }
        }
        for (Declared d : declared) {
            if (holdingRepos.contains(d.provider()) && d.companions().stream().anyMatch(p -> p.matchesName(name))) {
                return Optional.of(new Placement(d.provider(), d.layout().repoTarget(), true));
            }
        }
        Optional<Placement> unconditional = Optional.empty();
        for (Declared d : declared) {
            for (Rule rule : d.placements()) {
                if (!rule.pattern().matches(name, directory)) {
                    continue;
                }
                if (!rule.placement().whenHoldingRepos()) {
                    if (unconditional.isEmpty()) {
                        unconditional = Optional.of(new Placement(d.provider(), rule.placement().target(), !directory));
                    }
                } else if (directory && d.hub().looksLikeHubCache(entry)) {
                    return Optional.of(new Placement(d.provider(), rule.placement().target(), false));
                }
            }
        }
        return unconditional;
    }

    /** What the layouts recognise, for the message about an entry none claims. */
    String recognised() {
        Set<String> names = new LinkedHashSet<>();
        if (declared.stream().anyMatch(d -> d.hub() != HubLayout.NONE)) {
            names.add("hub repo folders");
        }
        declared.forEach(d -> d.layout().placements().forEach(p -> names.add(p.entry())));
        return names.isEmpty() ? "no provider declares a layout" : String.join(", ", names);
    }

    /**
     * Where a {@code --from} folder's content goes in the cache of the provider that declared {@code d}: a folder
     * holding its repo folders goes to their target; one holding {@code <entry>} that a placement puts at
     * {@code <folder>/<entry>} but no {@code <folder>} is that folder (a torch hub folder, say); any other is the
     * cache itself.
     */
    static String fromTarget(Declared d, Path folder) {
        if (d.hub().looksLikeHubCache(folder)) {
            return d.layout().repoTarget();
        }
        for (CacheLayout.Placement placement : d.layout().placements()) {
            String entry = placement.entry().endsWith("/")
                    ? placement.entry().substring(0, placement.entry().length() - 1) : placement.entry();
            String target = placement.target();
            int slash = target.lastIndexOf('/');
            if (slash <= 0 || !target.substring(slash + 1).equals(entry) || !entry.matches("[^*?\\[{\\\\]+")) {
                continue;
            }
            String parent = target.substring(0, slash);
            if (Files.isDirectory(folder.resolve(entry)) && !Files.exists(folder.resolve(parent))) {
                return parent;
            }
        }
        return "";
    }

    /** A folder's children, sorted; none when it cannot be listed. */
    static List<Path> children(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
