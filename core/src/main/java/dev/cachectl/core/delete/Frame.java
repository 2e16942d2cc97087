package dev.cachectl.core.delete;

import dev.cachectl.core.fs.internal.EntryStat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory a {@link UnitWalker} is emptying: where it is, what it was when opened, its handle (closed while
 * deeper directories are emptied, past the descriptor budget), the subdirectories still to empty, and whether
 * something in it stays.
 *
 * @param <N> the handle's entry names
 */
final class Frame<N> {

    final Frame<N> parent;
    final N name;
    final EntryStat self;
    final ProtectionTree protection;
    final int parentPathLength;
    final ArrayDeque<Pending<N>> pending = new ArrayDeque<>();
    DirectoryHandle<N> handle;
    boolean exhausted;
    boolean keep;
    boolean abandoned;
    /**
     * Whether the handle belongs to an {@link ExpandedDirectory} that other walkers share: never closed here, and
     * the directory itself is not removed by the walker that borrows it.
     */
    boolean borrowed;

    Frame(Frame<N> parent, N name, EntryStat self, ProtectionTree protection, int parentPathLength) {
        this.parent = parent;
        this.name = name;
        this.self = self;
        this.protection = protection;
        this.parentPathLength = parentPathLength;
    }

    /** A subdirectory waiting to be emptied, as it was when listed. */
    record Pending<N>(N name, EntryStat stat, ProtectionTree node, int retries) {
    }

    /**
     * Opens this (closed) directory again, only if it is still the directory it was: through {@code ..} of its
     * open child first, else down from the nearest open ancestor (or {@code base}, the handle the walk started
     * from), checking each directory on the way. Returns the new handle (also stored here), or {@code null}.
     */
    DirectoryHandle<N> reopen(Frame<N> child, DirectoryHandle<N> base) {
        if (child.handle != null) {
            try {
                DirectoryHandle<N> up = child.handle.openParent();
                if (isSelf(up, this)) {
                    handle = up;
                    return up;
                }
                up.close();
            } catch (IOException e) {
                // moved away: try from above
            }
        }
        List<Frame<N>> chain = new ArrayList<>();
        Frame<N> a = this;
        while (a != null && a.handle == null) {
            chain.addFirst(a);
            a = a.parent;
        }
        DirectoryHandle<N> cur = a == null ? base : a.handle;
        boolean owned = false;
        for (Frame<N> g : chain) {
            DirectoryHandle<N> next = null;
            try {
                next = cur.openDirectory(g.name);
            } catch (IOException e) {
                // handled below as "not the same directory"
            }
            if (owned) {
                cur.close();
            }
            if (next == null || !isSelf(next, g)) {
                if (next != null) {
                    next.close();
                }
                return null;
            }
            cur = next;
            owned = true;
        }
        handle = cur;
        return cur;
    }

    private static <N> boolean isSelf(DirectoryHandle<N> h, Frame<N> f) {
        try {
            return h.self().sameObject(f.self);
        } catch (IOException e) {
            return false;
        }
    }
}
