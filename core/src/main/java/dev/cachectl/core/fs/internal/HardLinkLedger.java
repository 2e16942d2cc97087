package dev.cachectl.core.fs.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The inodes with more than one name met during a walk, so their bytes are counted once, as du does. Only
 * such inodes are recorded, so memory grows with the number of hard-linked files, not with the tree.
 *
 * <p>Each inode's bytes go to the lowest slot that claimed it, whatever the order the threads met its names
 * in: a walk that measures several entries separately (one slot each, in name order) attributes a file
 * linked from two of them to the first, like {@code du -s a b}, and does so on every run.
 */
public final class HardLinkLedger {

    /** A slot value that records an inode without counting it for anyone (yet). */
    public static final int NO_SLOT = Integer.MAX_VALUE;

    private final ConcurrentHashMap<InodeKey, Claim> claims = new ConcurrentHashMap<>();

    /** Receives each counted inode's bytes once, for its owning slot. */
    @FunctionalInterface
    public interface OwnerSink {
        /** The bytes of one inode, owned by {@code slot}. */
        void owned(int slot, long apparentBytes, long diskBytes);
    }

    /**
     * Records a name of the inode {@code (dev, ino)} met in {@code slot} ({@link #NO_SLOT} to record the
     * inode without counting it, e.g. before an unlink whose outcome is not known yet).
     */
    public void claim(long dev, long ino, int slot, long apparentBytes, long diskBytes) {
        claims.compute(new InodeKey(dev, ino), (key, old) -> old == null
                ? new Claim(slot, apparentBytes, diskBytes)
                : old.slot <= slot ? old : new Claim(slot, old.apparentBytes, old.diskBytes));
    }

    /** Whether a name of this inode has been claimed before (even without a slot). */
    public boolean knows(long dev, long ino) {
        return !claims.isEmpty() && claims.containsKey(new InodeKey(dev, ino));
    }

    /** Hands each inode claimed by a slot to {@code sink}, once. */
    public void forEachOwned(OwnerSink sink) {
        claims.values().forEach(c -> {
            if (c.slot != NO_SLOT) {
                sink.owned(c.slot, c.apparentBytes, c.diskBytes);
            }
        });
    }

    private record InodeKey(long dev, long ino) {
    }

    private record Claim(int slot, long apparentBytes, long diskBytes) {
    }
}
