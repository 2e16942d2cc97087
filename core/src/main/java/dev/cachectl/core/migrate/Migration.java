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
 * <p>Use: {@link #plan} (reads only), show it, then {@link #start} a session with the plan that was shown:
 * it locks the caches, plans again under the locks and goes on only when that is the plan that was shown;
 * then {@link MigrationSession#execute execute} it. A plan with nothing to do still needs a session when
 * {@link #interrupted} names caches to clean up.
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
     * The safety protocol of a migration: {@linkplain #lock locks} the caches {@code shown} writes into and
     * deletes from, plans {@code request} again under the locks, and returns the session only when that plan
     * is {@code shown}, so the plan that runs is exactly the one the user saw.
     *
     * @throws MigrationLockedException when another migration, or a clear, works in one of the caches
     * @throws PlanChangedException     when the caches changed since {@code shown} was made (nothing was done)
     * @throws IOException              when a work folder cannot be created or its journal read
     */
    public static MigrationSession start(Workspace workspace, MigrationRequest request, MigrationPlan shown)
            throws MigrationLockedException, PlanChangedException, IOException {
        MigrationSession session = lock(workspace, shown);
        try {
            MigrationPlan again = plan(workspace, request);
            if (!again.equals(shown)) {
                throw new PlanChangedException(again);
            }
            return session;
        } catch (PlanChangedException | RuntimeException e) {
            try {
                session.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Takes the locks a migration holds: the directory lock of every cache it writes into and of every source
     * it deletes from (the lock {@code clear} takes, so the two take turns), and the migration lock of every
     * destination (and of every cache an interrupted migration left a journal in); then finishes what an
     * interrupted migration into them left. Callers use {@link #start}, which also plans again.
     *
     * @throws MigrationLockedException when another migration, or a clear, works in one of the caches
     * @throws IOException              when a work folder cannot be created or its journal read
     */
    static MigrationSession lock(Workspace workspace, MigrationPlan plan)
            throws MigrationLockedException, IOException {
        Map<Path, DestinationWorkArea> areas = new LinkedHashMap<>();
        TreeSet<Path> caches = new TreeSet<>(interrupted(workspace));
        plan.sources().stream().filter(PlannedSource::changesFiles).forEach(s -> caches.add(s.cacheDirectory()));
        TreeSet<Path> sources = new TreeSet<>();
        if (!plan.copy()) {
            plan.sources().stream().filter(PlannedSource::changesFiles).forEach(s -> sources.add(s.root()));
        }
        DirectoryLocks locks = new DirectoryLocks();
        try {
            for (Path cache : caches) {
                Files.createDirectories(cache);
                locks.lock(cache, true);
            }
            for (Path source : sources) {
                locks.lock(source, false);
            }
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
            locks.close();
            throw e;
        }
        return new MigrationSession(areas, locks);
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
