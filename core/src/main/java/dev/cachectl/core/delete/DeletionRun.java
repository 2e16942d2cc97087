package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.internal.HardLinkLedger;
import dev.cachectl.core.fs.internal.IoMessages;
import dev.cachectl.core.scan.ScanError;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.scan.WalkProgress;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The shared state of one deletion: the request, what was freed per requested entry (slot), what was kept,
 * what failed, the hard-link ledger and progress. Thread-safe: the entries are deleted in parallel.
 */
final class DeletionRun {

    final DeletionRequest request;
    final ProtectionTree protection;
    private final Freed[] freed;
    private final HardLinkLedger hardLinks = new HardLinkLedger();
    private final List<KeptEntry> kept = new ArrayList<>();
    private final List<DeletionError> errors = new ArrayList<>();
    private final LongAdder entries = new LongAdder();
    private final LongAdder apparent = new LongAdder();
    private final LongAdder disk = new LongAdder();
    private final long startNanos = System.nanoTime();
    private boolean settled;

    DeletionRun(DeletionRequest request, int slots) {
        this.request = request;
        this.protection = ProtectionTree.of(request.protectedPaths());
        this.freed = new Freed[slots];
        for (int i = 0; i < slots; i++) {
            freed[i] = new Freed();
        }
    }

    boolean dryRun() {
        return request.dryRun();
    }

    /**
     * Why the entry must stay, or {@code null}: protected paths first, then the caller's rules. A rule that
     * throws keeps the entry (and reports the failure), since keeping is the safe side.
     */
    String keepReason(ProtectionTree node, String relativePath, EntryStat st) {
        if (node != null && node.isProtected()) {
            return "protected";
        }
        if (request.keepRules().isEmpty()) {
            return null;
        }
        // built once for all rules: the identity costs a parse of NIO's file key on the portable deleter
        DeletionCandidate candidate = new DeletionCandidate(relativePath, st.kind(), st.size(), st.mtimeMillis(),
                st.identity());
        for (KeepRule rule : request.keepRules()) {
            try {
                Optional<String> reason = rule.reasonToKeep(candidate);
                if (reason.isPresent()) {
                    return reason.get();
                }
            } catch (RuntimeException e) {
                error(relativePath, "kept: a keep rule failed on it (" + e + ")");
                return "a keep rule failed";
            }
        }
        return null;
    }

    boolean hasKeepRules() {
        return !request.keepRules().isEmpty();
    }

    /** Whether this name's inode must go through the ledger (it has, or had, other names). */
    private boolean sharedInode(EntryStat st) {
        return st.sharedInode() || (st.hasInode() && st.kind() != EntryKind.DIRECTORY && hardLinks.knows(st.dev(), st.ino()));
    }

    /** Records a shared inode before its name is removed, so a later name whose link count dropped is recognised. */
    private void announceShared(EntryStat st) {
        hardLinks.claim(st.dev(), st.ino(), HardLinkLedger.NO_SLOT, Math.max(0, st.size()), st.diskBytes());
    }

    /** Counts a removed entry (or one a dry run would remove) for {@code slot}. */
    void removed(int slot, EntryStat st, boolean shared) {
        if (shared) {
            hardLinks.claim(st.dev(), st.ino(), slot, Math.max(0, st.size()), st.diskBytes());
        }
        freed[slot].add(st, !shared);
        entries.increment();
        if (!shared) {
            apparent.add(Math.max(0, st.size()));
            disk.add(st.diskBytes());
        }
    }

    /**
     * Removes a non-directory entry (unless this is a dry run) and counts it for {@code slot}; whether it is gone.
     * A name of a hard-linked file is recorded before its removal, so that a later name, whose link count has
     * dropped meanwhile, is still recognised as the same file.
     */
    <N> boolean deleteLeaf(DirectoryHandle<N> dir, N name, EntryStat st, int slot, Supplier<String> path) {
        boolean shared = sharedInode(st);
        if (shared) {
            announceShared(st);
        }
        if (!dryRun()) {
            try {
                dir.deleteFile(name);
            } catch (NoSuchFileException vanished) {
                return true;
            } catch (IOException e) {
                error(path.get(), "cannot remove: " + IoMessages.reason(e));
                return false;
            }
        }
        removed(slot, st, shared);
        return true;
    }

    synchronized void kept(String relativePath, EntryKind kind, String reason) {
        kept.add(new KeptEntry(relativePath, kind, reason));
    }

    synchronized void error(String relativePath, String message) {
        errors.add(new DeletionError(relativePath, message));
    }

    WalkProgress progress(boolean finished) {
        return new WalkProgress(entries.sum(), apparent.sum(), disk.sum(), System.nanoTime() - startNanos, finished);
    }

    /** The freed figures of a slot; call once the deletion has ended. */
    synchronized TreeUsage freed(int slot) {
        if (!settled) {
            settled = true;
            hardLinks.forEachOwned((owner, a, d) -> freed[owner].addBytes(a, d));
        }
        return freed[slot].usage();
    }

    synchronized List<KeptEntry> kept() {
        List<KeptEntry> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparing(KeptEntry::relativePath));
        return sorted;
    }

    synchronized List<DeletionError> errors() {
        List<DeletionError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(DeletionError::relativePath).thenComparing(DeletionError::message));
        return sorted;
    }

    /** What one slot freed so far. */
    private static final class Freed {
        private long apparent;
        private long disk;
        private long files;
        private long dirs;
        private long symlinks;
        private long others;
        private long newest = TreeUsage.NO_MTIME;

        synchronized void add(EntryStat st, boolean countBytes) {
            switch (st.kind()) {
                case FILE -> files++;
                case DIRECTORY -> dirs++;
                case SYMLINK -> symlinks++;
                case OTHER -> others++;
            }
            if (countBytes) {
                apparent += Math.max(0, st.size());
                disk += st.diskBytes();
            }
            newest = Math.max(newest, st.mtimeMillis());
        }

        synchronized void addBytes(long apparentBytes, long diskBytes) {
            apparent += apparentBytes;
            disk += diskBytes;
        }

        synchronized TreeUsage usage() {
            return new TreeUsage(apparent, disk, files, dirs, symlinks, others, newest, List.<ScanError>of());
        }
    }
}
