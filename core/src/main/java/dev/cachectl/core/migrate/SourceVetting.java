package dev.cachectl.core.migrate;

import dev.cachectl.core.paths.PathShape;
import dev.cachectl.core.paths.Placeholders;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps only sources that are safe to move from: resolves each to its real folder, drops missing and empty
 * ones and the ones that are a project cache already, and refuses a folder that is a system directory
 * ({@link SystemDirectories}, checked as named and after resolving links), the home directory, the XDG cache
 * base, a file system root, contains the project or one of its caches, or contains another source (moving
 * it would carry the other cache along). A provider's outside location is also refused when it holds
 * anything its declared layout does not allow, or a version-control checkout or shell start-up files: a
 * folder holding other things is not that cache, and nothing unrelated is ever moved.
 */
final class SourceVetting {

    private final List<SkippedLocation> skipped;
    private final Path projectReal;
    private final List<Path> cacheReals = new ArrayList<>();
    private final List<Path> untouchable = new ArrayList<>();
    private final Path homeReal;

    /** Top-level names that mark a folder holding other things than a cache, whatever the layout. */
    static final Set<String> FOREIGN_MARKERS = Stream.concat(PathShape.VCS_METADATA.stream(), Stream.of(".ssh",
            ".gnupg", ".config", ".local", ".bashrc", ".bash_profile", ".profile", ".zshrc"))
            .collect(Collectors.toUnmodifiableSet());

    SourceVetting(Workspace workspace, List<SkippedLocation> skipped) {
        this.skipped = skipped;
        this.projectReal = Devices.realOrIntended(workspace.project().root());
        for (CacheLocation cache : workspace.caches()) {
            cacheReals.add(Devices.realOrIntended(cache.directory()));
        }
        this.homeReal = Devices.realOrIntended(workspace.host().home());
        untouchable.add(homeReal);
        untouchable.add(Devices.realOrIntended(workspace.host().xdgCacheHome()));
    }

    SourceDiscovery.Found vet(List<MigrationSource> candidates) {
        List<MigrationSource> kept = new ArrayList<>();
        for (MigrationSource candidate : candidates) {
            resolve(candidate).ifPresent(source -> {
                Optional<MigrationSource> same = kept.stream().filter(k -> k.root().equals(source.root())
                        && k.entries().equals(source.entries())).findFirst();
                if (same.isEmpty()) {
                    kept.add(source);
                } else if (!same.get().cache().id().equals(source.cache().id())
                        || !same.get().target().equals(source.target())) {
                    skipped.add(new SkippedLocation(source.root(), source.cache().id(), source.origin(),
                            "also a source for " + same.get().cache().id() + " (" + same.get().origin()
                                    + "); migrated there only", true));
                }
            });
        }
        List<MigrationSource> vetted = new ArrayList<>();
        for (MigrationSource source : kept) {
            Optional<MigrationSource> nested = kept.stream().filter(other -> other != source && contains(source, other))
                    .findFirst();
            if (nested.isPresent()) {
                skipped.add(skip(source, "contains another cache location (" + nested.get().root() + ", "
                        + nested.get().origin() + "); moving it would carry that cache along: fix "
                        + source.origin() + " or migrate sub-folders with --from", true));
            } else {
                vetted.add(source);
            }
        }
        return new SourceDiscovery.Found(List.copyOf(vetted), List.copyOf(skipped));
    }

    private Optional<MigrationSource> resolve(MigrationSource candidate) {
        Path path = candidate.root();
        if (!Files.exists(path)) {
            if (candidate.kind() == SourceKind.FROM) {
                skipped.add(skip(candidate, "does not exist", true));
            }
            return Optional.empty();
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            skipped.add(skip(candidate, "cannot be resolved: " + e.getMessage(), true));
            return Optional.empty();
        }
        Optional<String> system = systemDirectory(candidate, path, real);
        if (system.isPresent()) {
            skipped.add(skip(candidate, system.get(), true));
            return Optional.empty();
        }
        if (!Files.isDirectory(real)) {
            skipped.add(skip(candidate, "is not a directory", candidate.kind() == SourceKind.FROM));
            return Optional.empty();
        }
        Path destination = Devices.realOrIntended(candidate.destination());
        if (real.equals(destination) || real.startsWith(destination)) {
            // Already where it belongs (e.g. the environment came from 'cachectl env').
            return Optional.empty();
        }
        Optional<String> danger = danger(candidate, real, destination);
        if (danger.isPresent()) {
            skipped.add(skip(candidate, danger.get(), true));
            return Optional.empty();
        }
        boolean insideProjectCache = cacheReals.stream().anyMatch(real::startsWith);
        if (candidate.kind() == SourceKind.OUTSIDE && (real.startsWith(projectReal) || insideProjectCache)) {
            if (!insideProjectCache) {
                skipped.add(skip(candidate, "is inside the project; migrate it with --from if it holds a cache",
                        false));
            }
            return Optional.empty();
        }
        if (candidate.kind() == SourceKind.FROM && insideProjectCache) {
            skipped.add(skip(candidate, "is inside one of the project's caches; nothing to migrate", true));
            return Optional.empty();
        }
        if (candidate.kind() == SourceKind.OUTSIDE) {
            Optional<String> foreign = foreignEntries(candidate, real);
            if (foreign.isPresent()) {
                skipped.add(skip(candidate, foreign.get(), true));
                return Optional.empty();
            }
        }
        if (!holdsData(real, candidate)) {
            return Optional.empty();
        }
        // A folder reached through a link is emptied but kept: the link in the user's tree stays valid.
        boolean removable = candidate.removeRootWhenEmpty() && real.equals(path);
        return Optional.of(new MigrationSource(candidate.kind(), candidate.cache(), candidate.origin(), real,
                candidate.target(), candidate.entries(), removable, candidate.layout(), candidate.hub()));
    }

    /** Why a location is a system directory (as named, or once its links are resolved); empty when it is not. */
    private Optional<String> systemDirectory(MigrationSource candidate, Path path, Path real) {
        String fix = "; never migrated from: point " + candidate.origin() + " at the cache folder itself";
        Optional<String> named = SystemDirectories.refusal(path, homeReal, projectReal);
        if (named.isEmpty() && !real.equals(path)) {
            return SystemDirectories.refusal(real, homeReal, projectReal)
                    .map(why -> "resolves to " + real + ", which " + why + fix);
        }
        return named.map(why -> why + fix);
    }

    /**
     * Why an outside location is a folder holding other things than the provider's cache: the top-level
     * entries its declared layout does not allow, and any version-control or home-directory marker. Empty
     * when everything there belongs to the cache.
     */
    private static Optional<String> foreignEntries(MigrationSource source, Path real) {
        List<EntryPattern> patterns = EntryPattern.all(source.layout());
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> children = Files.list(real)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (!source.includes(name) || Placeholders.isPlaceholder(name)) {
                    continue;
                }
                boolean directory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
                boolean allowed = patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matches(name, directory));
                if (FOREIGN_MARKERS.contains(name) || !allowed) {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            return Optional.of("cannot be listed to check that it holds only a " + source.cache().id() + " cache: "
                    + SourcePlanner.message(e));
        }
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "");
        String why = source.layout().isEmpty() ? "holds " + names + ", which no cache holds"
                : "holds " + names + ", which a " + source.cache().id() + " cache here does not ("
                        + String.join(" ", source.layout()) + ")";
        return Optional.of(why + ": a folder holding other things, not only this cache; nothing is moved from it:"
                + " point " + source.origin() + " at the cache folder itself, or move the cache's entries with"
                + " 'cachectl migrate " + source.cache().id() + " --from PATH'");
    }

    private Optional<String> danger(MigrationSource source, Path real, Path destination) {
        if (real.getParent() == null) {
            return Optional.of("is a file system root; refusing to move it");
        }
        for (Path base : untouchable) {
            if (carries(source, real, base)) {
                return Optional.of("is (or contains) your home directory or the XDG cache base " + base
                        + "; refusing to move it: point the variable at the cache folder itself or use --from");
            }
        }
        if (carries(source, real, projectReal)) {
            return Optional.of("contains the project " + projectReal + "; refusing to move it");
        }
        if (carries(source, real, destination) || cacheReals.stream().anyMatch(c -> carries(source, real, c))) {
            return Optional.of("contains one of the project's caches; refusing to move it");
        }
        return Optional.empty();
    }

    /**
     * Whether moving the source's content would carry {@code path} along: it is the source folder itself, or
     * lies inside one of the source's entries.
     */
    private static boolean carries(MigrationSource source, Path real, Path path) {
        if (!path.startsWith(real)) {
            return false;
        }
        if (path.equals(real)) {
            return source.entries().isEmpty();
        }
        return source.includes(real.relativize(path).getName(0).toString());
    }

    private static boolean holdsData(Path folder, MigrationSource source) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.anyMatch(child -> source.includes(child.getFileName().toString())
                    && !Placeholders.isPlaceholder(child.getFileName().toString()));
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether {@code outer} would carry {@code inner} along when moved. */
    private static boolean contains(MigrationSource outer, MigrationSource inner) {
        if (!inner.root().startsWith(outer.root()) || inner.root().equals(outer.root())) {
            return false;
        }
        String top = outer.root().relativize(inner.root()).getName(0).toString();
        return outer.includes(top);
    }

    private SkippedLocation skip(MigrationSource source, String reason, boolean blocking) {
        return new SkippedLocation(source.root(), source.cache().id(), source.origin(), reason, blocking);
    }
}
