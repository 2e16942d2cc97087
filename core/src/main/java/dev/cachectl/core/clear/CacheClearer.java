package dev.cachectl.core.clear;

import dev.cachectl.core.delete.DeletionReport;
import dev.cachectl.core.delete.DeletionRequest;
import dev.cachectl.core.delete.DirectoryChangedException;
import dev.cachectl.core.delete.DirectoryLock;
import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.delete.PinnedDirectory;
import dev.cachectl.core.delete.TreeDeleter;
import dev.cachectl.core.fs.internal.IoMessages;
import dev.cachectl.core.registry.ProviderCallException;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.validate.RealPathSafety;
import dev.cachectl.core.workspace.CacheLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Empties cache directories and keeps the directories themselves. First a {@link #plan}: each cache's real
 * path (links on the way followed, so a cache deliberately linked to a big disk works) is checked against the
 * path safety rules and pinned (device and inode). Then {@link #clear}: each pinned directory is locked against
 * other cachectl commands, opened again and emptied only when it is still the pinned directory; the deletion is
 * directory-relative and never follows a link inside; the provider's protected paths (e.g. Hugging Face
 * tokens) and version-control metadata are never deleted; entries another process uses (a held lock, a partial
 * download that changed within the hour) are kept and reported unless {@code force}.
 */
public final class CacheClearer {

    /** Told when a cache is locked by another cachectl command and the clear waits for it. */
    @FunctionalInterface
    public interface LockWaitListener {
        /** The clear now waits for {@code directory}. */
        void waiting(PinnedDirectory directory);
    }

    private final TreeDeleter deleter;
    private final LockProbe lockProbe;
    private final RealPathSafety safety;
    private final long nowMillis;

    /**
     * A clearer.
     *
     * @param deleter   the deletion engine
     * @param lockProbe how to tell a held lock
     * @param safety    the path rules each cache's real path must pass
     * @param nowMillis the current time, for "recent" partial downloads
     */
    public CacheClearer(TreeDeleter deleter, LockProbe lockProbe, RealPathSafety safety, long nowMillis) {
        this.deleter = deleter;
        this.lockProbe = lockProbe;
        this.safety = safety;
        this.nowMillis = nowMillis;
    }

    /** Pins each location where it really is, or says why it is skipped or refused. */
    public List<ClearTarget> plan(List<CacheLocation> locations) {
        return locations.stream().map(this::planOne).toList();
    }

    private ClearTarget planOne(CacheLocation location) {
        Path directory = location.directory();
        if (!Files.exists(directory)) {
            return Files.isSymbolicLink(directory)
                    ? refused(location, directory + " is a symbolic link to nothing (a dangling link); point it at"
                            + " a directory, or fix the path in config/hardware_cache.json")
                    : new ClearTarget(location, Optional.empty(), Optional.of("does not exist"), Optional.empty());
        }
        if (!Files.isDirectory(directory)) {
            return refused(location, directory + " is not a directory; fix the path in config/hardware_cache.json");
        }
        PinnedDirectory pinned;
        try {
            pinned = deleter.pin(directory);
        } catch (NoSuchFileException vanished) {
            return new ClearTarget(location, Optional.empty(), Optional.of("does not exist"), Optional.empty());
        } catch (IOException e) {
            return refused(location, "cannot open " + directory + ": " + IoMessages.reason(e));
        }
        Optional<String> unsafe = safety.refusal(location.id() + "'s cache " + directory, pinned.realPath());
        return unsafe.map(reason -> refused(location, reason))
                .orElseGet(() -> new ClearTarget(location, Optional.of(pinned), Optional.empty(), Optional.empty()));
    }

    /**
     * Clears (or, when {@code dryRun}, reports what clearing would remove from) each pinned cache of
     * {@code plan}. A real run first takes each cache's lock, waiting for another command that holds it unless
     * {@code noWait}, which leaves that cache with a reason instead.
     *
     * @param force    delete entries in use too (held locks, recent partial downloads); protected paths stay
     * @param progress told about removed entries and freed bytes
     */
    public List<ClearOutcome> clear(List<ClearTarget> plan, boolean dryRun, boolean force, boolean noWait,
                                    LockWaitListener waitListener, ProgressListener progress) {
        List<ClearOutcome> outcomes = new ArrayList<>();
        for (ClearTarget target : plan) {
            outcomes.add(clearOne(target, dryRun, force, noWait, waitListener, progress));
        }
        return List.copyOf(outcomes);
    }

    private ClearOutcome clearOne(ClearTarget target, boolean dryRun, boolean force, boolean noWait,
                                  LockWaitListener waitListener, ProgressListener progress) {
        CacheLocation location = target.location();
        if (target.pinned().isEmpty()) {
            return new ClearOutcome(location, Optional.empty(), Optional.empty(), target.skipped(), target.refused());
        }
        PinnedDirectory pinned = target.pinned().get();
        Optional<DirectoryLock> lock = Optional.empty();
        try {
            if (!dryRun) {
                lock = deleter.lock(pinned, false);
                if (lock.isEmpty()) {
                    if (noWait) {
                        return failed(target, "another cachectl command is deleting or moving files in " + pinned
                                + "; run clear again when it has finished, or without --no-wait to wait for it");
                    }
                    waitListener.waiting(pinned);
                    lock = deleter.lock(pinned, true);
                }
            }
            DeletionRequest request = DeletionRequest.real().withDryRun(dryRun)
                    .withProtectedPaths(location.provider().rules().protectedPaths())
                    .withKeepRule(VersionControlRule.INSTANCE)
                    .withProgress(progress);
            if (!force) {
                Map<String, String> held = HeldLocks.find(pinned.realPath(), location.provider(), lockProbe);
                request = request.withKeepRule(InUseRule.of(held, location.provider().rules().partialGlobs(),
                        nowMillis));
            }
            DeletionReport report = deleter.clearContents(pinned, request);
            return new ClearOutcome(location, Optional.of(report), realPathIfRedirected(pinned), Optional.empty(),
                    Optional.empty());
        } catch (ProviderCallException e) {
            // which entry a held lock protects is the provider's knowledge: without it nothing here is safe
            return failed(target, e.getMessage() + "; nothing was deleted in this cache");
        } catch (DirectoryChangedException e) {
            return failed(target, e.getMessage());
        } catch (IOException e) {
            return failed(target, "cannot open " + pinned + ": " + IoMessages.reason(e));
        } finally {
            lock.ifPresent(DirectoryLock::close);
        }
    }

    private static Optional<Path> realPathIfRedirected(PinnedDirectory pinned) {
        return pinned.redirected() ? Optional.of(pinned.realPath()) : Optional.empty();
    }

    private static ClearTarget refused(CacheLocation location, String reason) {
        return new ClearTarget(location, Optional.empty(), Optional.empty(), Optional.of(reason));
    }

    private static ClearOutcome failed(ClearTarget target, String reason) {
        return new ClearOutcome(target.location(), Optional.empty(),
                target.pinned().flatMap(CacheClearer::realPathIfRedirected), Optional.empty(), Optional.of(reason));
    }
}
