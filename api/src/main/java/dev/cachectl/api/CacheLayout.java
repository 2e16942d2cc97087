package dev.cachectl.api;

import java.util.List;
import java.util.Objects;

/**
 * What the top level of a provider's cache looks like, for {@code migrate}: which entries of a legacy model
 * cache ({@code cache.legacy_caches}) or of a {@code --from} folder are this provider's and where in its cache
 * they go, and whether the cache holds hub repo folders, which the host then merges with its hub rules (blobs
 * before snapshots, refs last, a blob's name checked against its content). Patterns are
 * {@link java.nio.file.FileSystem#getPathMatcher glob} patterns matched against one top-level name; a pattern
 * ending in {@code /} matches directories only. Targets are relative to the provider's directory with
 * {@code /} separators; empty for the directory itself.
 *
 * <p>The host applies the layout as follows:
 * <ul>
 *   <li>a directory matching {@link #repoFolders()} is placed in {@link #repoTarget()}, together with the
 *       {@link #repoCompanions()} beside it; repo folders found directly in the provider's directory when the
 *       target is a sub-folder are moved there too;</li>
 *   <li>an entry matching a {@link Placement} goes to its target: a directory's content merges into the target,
 *       a file is placed in it;</li>
 *   <li>a {@code --from} folder holding repo folders is a repo folder cache and goes to {@link #repoTarget()};
 *       one holding an entry that a placement puts at {@code <folder>/<entry>} (e.g. {@code checkpoints/} at
 *       {@code hub/checkpoints}), but no {@code <folder>}, is that folder; any other is the cache itself.</li>
 * </ul>
 * When several providers claim an entry, a placement that applies only to folders holding repo folders wins
 * over one without that condition, and otherwise the first provider in the registry's order wins.
 *
 * @param repoFolders    names of hub repo folders ({@code <type>s--<org>--<name>/} with {@code blobs/},
 *                       {@code snapshots/} and {@code refs/}), e.g. {@code models--?*}; empty when the cache
 *                       holds none
 * @param repoTarget     where repo folders go, e.g. {@code hub}
 * @param repoCompanions entries that belong beside repo folders and travel with them, e.g. {@code .locks}
 * @param placements     other entries of this provider's kind and where each goes
 */
public record CacheLayout(List<String> repoFolders, String repoTarget, List<String> repoCompanions,
                          List<Placement> placements) {

    /** Nothing to place: the provider declares no layout. */
    public static final CacheLayout NONE = new CacheLayout(List.of(), "", List.of(), List.of());

    /**
     * One kind of entry and where it goes.
     *
     * @param entry            a pattern matched against a top-level name, e.g. {@code checkpoints/}
     * @param target           where it goes, relative to the provider's directory ({@code ""}: the directory)
     * @param whenHoldingRepos whether the entry is this provider's only when it is a directory holding repo
     *                         folders of this layout (a {@code hub/} folder holding {@code models--*} is a hub
     *                         cache, while another provider may claim every other {@code hub/})
     */
    public record Placement(String entry, String target, boolean whenHoldingRepos) {

        /** Validates the fields. */
        public Placement {
            requireName(entry);
            requireTarget(target);
        }
    }

    /** Validates and copies. */
    public CacheLayout {
        repoFolders = List.copyOf(Objects.requireNonNull(repoFolders, "repoFolders"));
        repoFolders.forEach(CacheLayout::requireName);
        requireTarget(repoTarget);
        repoCompanions = List.copyOf(Objects.requireNonNull(repoCompanions, "repoCompanions"));
        repoCompanions.forEach(CacheLayout::requireName);
        placements = List.copyOf(Objects.requireNonNull(placements, "placements"));
    }

    /** A cache holding hub repo folders matching {@code patterns} in {@code target}, with {@code companions}. */
    public static CacheLayout hubRepos(String target, List<String> patterns, List<String> companions) {
        return new CacheLayout(patterns, target, companions, List.of());
    }

    /** This layout with entries matching {@code entry} placed at {@code target}. */
    public CacheLayout place(String entry, String target) {
        return with(new Placement(entry, target, false));
    }

    /** This layout with directories matching {@code entry} placed at {@code target} when they hold repo folders. */
    public CacheLayout placeWhenHoldingRepos(String entry, String target) {
        return with(new Placement(entry, target, true));
    }

    private CacheLayout with(Placement placement) {
        List<Placement> more = new java.util.ArrayList<>(placements);
        more.add(placement);
        return new CacheLayout(repoFolders, repoTarget, repoCompanions, more);
    }

    private static void requireName(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String name = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a layout pattern names one top-level entry: " + pattern);
        }
    }

    private static void requireTarget(String target) {
        Objects.requireNonNull(target, "target");
        if (target.startsWith("/") || target.contains("..")) {
            throw new IllegalArgumentException("target must be relative and stay inside the cache: " + target);
        }
    }
}
