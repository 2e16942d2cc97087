package dev.cachectl.core.migrate;

import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.ProviderSelection;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code cachectl migrate}: brings caches from outside the project (the home directory's
 * {@code ~/.cache/huggingface/hub}, {@code ~/.cache/torch}, ...), the legacy cache folder and the
 * misplaced-transformers layout into the project's caches, losing nothing.
 *
 * <p>Use: {@link #plan} (reads only), show it, then {@link #lock} the destinations, plan again under the
 * lock, check it is the plan that was shown, and {@link MigrationSession#execute execute} it. A plan with
 * nothing to do still needs the lock when {@link #interrupted} names caches to clean up.
 */
public final class Migration {

    private Migration() {
    }

    /**
     * What a migration would do now. Reads only.
     *
     * @throws IllegalArgumentException for an unknown provider id, or {@code --from} without exactly one
     */
    public static MigrationPlan plan(Workspace workspace, MigrationRequest request) {
        List<CacheLocation> selected = ProviderSelection.select(workspace, request.providers());
        if (request.from().isPresent() && selected.size() != 1) {
            throw new IllegalArgumentException("--from needs exactly one PROVIDER, to know where the content goes");
        }
        SourceDiscovery.Found found = SourceDiscovery.discover(workspace, selected, request.from());
        LockProbe probe = LockProbe.system();
        List<PlannedSource> planned = new ArrayList<>();
        for (MigrationSource source : found.sources()) {
            planned.add(SourcePlanner.plan(source, request.copy(), request.force(), probe, request.now()));
        }
        return new MigrationPlan(workspace.project().root(), request.copy(), request.force(), planned,
                found.skipped());
    }

    /**
     * Takes the migration lock of every cache the plan writes into (and of every cache an interrupted
     * migration left a journal in), and finishes what an interrupted migration into them left.
     *
     * @throws MigrationLockedException when another migration runs
     * @throws IOException              when a work folder cannot be created or its journal read
     */
    public static MigrationSession lock(Workspace workspace, MigrationPlan plan)
            throws MigrationLockedException, IOException {
        Map<Path, DestinationWorkArea> areas = new LinkedHashMap<>();
        TreeSet<Path> caches = new TreeSet<>(interrupted(workspace));
        plan.sources().stream().filter(PlannedSource::changesFiles).forEach(s -> caches.add(s.cacheDirectory()));
        try {
            for (Path cache : caches) {
                areas.put(cache, DestinationWorkArea.open(cache));
            }
        } catch (MigrationLockedException | IOException | RuntimeException e) {
            for (DestinationWorkArea area : areas.values()) {
                try {
                    area.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
        return new MigrationSession(areas);
    }

    /**
     * The caches an interrupted migration left work in (a journal or staging folder), even when there is
     * nothing left to migrate into them: the next run clears them.
     */
    public static List<Path> interrupted(Workspace workspace) {
        return workspace.caches().stream().map(CacheLocation::directory).distinct()
                .filter(cache -> Files.exists(cache.resolve(DestinationWorkArea.FOLDER).resolve("journal"))
                        || Files.exists(cache.resolve(DestinationWorkArea.FOLDER).resolve("staging")))
                .toList();
    }

}
