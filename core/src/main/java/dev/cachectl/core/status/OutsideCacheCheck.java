package dev.cachectl.core.status;

import dev.cachectl.api.OutsideLocation;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.registry.ProviderCallException;
import dev.cachectl.core.scan.ScanOptions;
import dev.cachectl.core.scan.TreeScanner;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds places outside the project that hold the same kind of cache as a provider (e.g.
 * {@code ~/.cache/huggingface/hub}, {@code ~/.cache/whisper}): models there were downloaded once already and
 * will be downloaded again into the project. Locations inside the project, or inside (or holding) one of its
 * configured caches, are skipped; each place is measured once even when several providers or variables name it.
 */
final class OutsideCacheCheck implements Check {

    private final Workspace workspace;
    private final TreeScanner scanner;
    private final ScanOptions options;
    private final List<CacheLocation> selected;

    OutsideCacheCheck(Workspace workspace, TreeScanner scanner, ScanOptions options, List<CacheLocation> selected) {
        this.workspace = workspace;
        this.scanner = scanner;
        this.options = options;
        this.selected = List.copyOf(selected);
    }

    @Override
    public String name() {
        return "outside";
    }

    @Override
    public List<Finding> run() {
        List<Finding> warnings = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (CacheLocation location : selected) {
            List<OutsideLocation> outside;
            try {
                outside = location.provider().outsideLocations(workspace.host());
            } catch (ProviderCallException e) {
                warnings.add(StatusCodes.finding(name(), StatusCodes.PROVIDER_FAILED, e.getMessage())
                        .about(location.id()));
                continue;
            }
            for (OutsideLocation place : outside) {
                Path path = real(place.path().toAbsolutePath().normalize());
                if (!ours(path) && seen.add(path) && Files.isDirectory(path)) {
                    candidates.add(new Candidate(location, place, path));
                }
            }
        }
        // A place inside another one (~/.cache/huggingface/hub inside ~/.cache/huggingface) holds the same
        // files: only the outer one is measured and reported.
        for (Candidate candidate : candidates) {
            boolean nested = candidates.stream().anyMatch(other -> other != candidate
                    && candidate.path().startsWith(other.path()) && !candidate.path().equals(other.path()));
            if (!nested) {
                measure(candidate.location(), candidate.place(), candidate.path(), warnings);
            }
        }
        return warnings;
    }

    /** A place outside the project that holds the same kind of cache as a provider. */
    private record Candidate(CacheLocation location, OutsideLocation place, Path path) {
    }

    /** The real path, so two names of one folder (a linked home) count once; the path itself where it fails. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path;
        }
    }

    private void measure(CacheLocation location, OutsideLocation place, Path path, List<Finding> warnings) {
        try {
            TreeUsage usage = scanner.scan(path, options);
            if (usage.files() > 0) {
                String destination = location.configured() + (place.target().isEmpty() ? "" : "/" + place.target());
                warnings.add(StatusCodes.finding(name(), StatusCodes.OUTSIDE_CACHE, path + " holds "
                        + HumanBytes.format(usage.diskBytes()) + " in " + usage.files() + " file(s) of the same kind"
                        + " as the " + location.id() + " cache (" + place.origin() + "), outside the project: those"
                        + " downloads are paid for twice; 'cachectl migrate " + location.id() + "' moves them into "
                        + destination + ", or delete them if no other project uses them")
                        .about(location.id()).at(path));
            }
        } catch (IOException e) {
            // Not ours to report in detail: an unreadable place in the home directory is not a cache problem.
        }
    }

    /** Whether {@code path} is inside the project, or inside or around one of the project's caches. */
    private boolean ours(Path path) {
        if (path.startsWith(workspace.project().root())) {
            return true;
        }
        for (CacheLocation cache : workspace.caches()) {
            if (path.startsWith(cache.directory()) || cache.directory().startsWith(path)) {
                return true;
            }
        }
        return false;
    }
}
