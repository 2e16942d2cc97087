package dev.cachectl.core.migrate;

import dev.cachectl.core.delete.LockProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A migration's caches, locked (see {@link Migration#start}): no other {@code cachectl migrate} writes into the
 * destinations, and no {@code clear} or migrate deletes in them or in the sources, until this closes. Closing
 * removes the work folders when nothing is left in staging, then releases the locks.
 */
public final class MigrationSession implements AutoCloseable {

    private final Map<Path, DestinationWorkArea> areas;
    private final DirectoryLocks locks;

    MigrationSession(Map<Path, DestinationWorkArea> areas, DirectoryLocks locks) {
        this.areas = areas;
        this.locks = locks;
    }

    /** Whether a journal of an interrupted migration was found in one of the destinations. */
    public boolean resumed() {
        return areas.values().stream().anyMatch(DestinationWorkArea::resumed);
    }

    /** The destination caches this session holds. */
    public java.util.Set<Path> caches() {
        return areas.keySet();
    }

    /**
     * Carries out {@code plan}, which must have been computed while this session held its locks.
     *
     * @param stepDelay a pause before each file-level step: zero, except in tests that interrupt a run
     */
    public MigrationResult execute(MigrationPlan plan, MigrationListener listener, Duration stepDelay) {
        long millis = stepDelay.toMillis();
        MigrationExecutor.StepPause pause = millis <= 0 ? () -> { } : () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        MigrationExecutor executor = new MigrationExecutor(plan, areas, listener, pause, LockProbe.system(), locks::pinned);
        var items = executor.run();
        int leftovers = areas.values().stream().mapToInt(DestinationWorkArea::removedLeftovers).sum();
        return new MigrationResult(items, resumed(), leftovers, executor.removedFolders());
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DestinationWorkArea area : areas.values()) {
            try {
                area.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        areas.clear();
        locks.close();
        if (first != null) {
            throw first;
        }
    }
}
