package dev.cachectl.core.clear;

import dev.cachectl.core.delete.DeletionReport;
import dev.cachectl.core.delete.DeletionRequest;
import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.delete.TreeDeleter;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.workspace.CacheLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Empties cache directories and keeps the directories themselves, following DESIGN.md section 5: the
 * deletion is directory-relative and never follows a link; the provider's protected paths (e.g. Hugging
 * Face tokens) are never deleted; entries another process uses (a held lock, a partial download that changed
 * within the hour) are kept and reported unless {@code force}.
 */
public final class CacheClearer {

    private final TreeDeleter deleter;
    private final LockProbe lockProbe;
    private final long nowMillis;

    /**
     * A clearer.
     *
     * @param deleter   the deletion engine
     * @param lockProbe how to tell a held lock
     * @param nowMillis the current time, for "recent" partial downloads
     */
    public CacheClearer(TreeDeleter deleter, LockProbe lockProbe, long nowMillis) {
        this.deleter = deleter;
        this.lockProbe = lockProbe;
        this.nowMillis = nowMillis;
    }

    /**
     * Clears (or, when {@code dryRun}, reports what clearing would remove from) each location.
     *
     * @param force    delete entries in use too (held locks, recent partial downloads); protected paths stay
     * @param progress told about removed entries and freed bytes
     */
    public List<ClearOutcome> clear(List<CacheLocation> locations, boolean dryRun, boolean force,
                                    ProgressListener progress) {
        List<ClearOutcome> outcomes = new ArrayList<>();
        for (CacheLocation location : locations) {
            outcomes.add(clearOne(location, dryRun, force, progress));
        }
        return List.copyOf(outcomes);
    }

    private ClearOutcome clearOne(CacheLocation location, boolean dryRun, boolean force,
                                  ProgressListener progress) {
        Path directory = location.directory();
        if (Files.isSymbolicLink(directory)) {
            return failed(location, directory + " is a symbolic link; cachectl does not follow it (configure"
                    + " the real directory in config/hardware_cache.json to clear it)");
        }
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return skipped(location, "does not exist");
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return failed(location, directory + " is not a directory; fix the path in config/hardware_cache.json");
        }
        DeletionRequest request = DeletionRequest.real().withDryRun(dryRun)
                .withProtectedPaths(location.provider().rules().protectedPaths())
                .withProgress(progress);
        if (!force) {
            Map<String, String> held = HeldLocks.find(directory, location.provider(), lockProbe);
            request = request.withKeepRule(InUseRule.of(held, location.provider().rules().partialGlobs(), nowMillis));
        }
        try {
            DeletionReport report = deleter.clearContents(directory, request);
            return new ClearOutcome(location, Optional.of(report), Optional.empty(), Optional.empty());
        } catch (IOException e) {
            return failed(location, "cannot open " + directory + ": " + e.getMessage());
        }
    }

    private static ClearOutcome skipped(CacheLocation location, String reason) {
        return new ClearOutcome(location, Optional.empty(), Optional.of(reason), Optional.empty());
    }

    private static ClearOutcome failed(CacheLocation location, String reason) {
        return new ClearOutcome(location, Optional.empty(), Optional.empty(), Optional.of(reason));
    }
}
