package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.internal.IoMessages;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Deletes one requested entry with everything below it, on one thread, without recursion: an explicit stack
 * of {@link Frame}s, one per directory being emptied. At most {@link #OPEN_BUDGET} directories stay open; a
 * deeper one is read to the end, closed while its subdirectories are emptied and reopened through {@code ..}
 * from its child, checked to be the same directory (device and inode) before anything in it is touched. So a
 * tree 5000 levels deep needs neither 5000 descriptors nor a deep Java stack. In a clear, an entry's
 * subdirectories may each be emptied by a walker of their own ({@link ExpandedDirectory}).
 *
 * @param <N> the handle's entry names
 */
final class UnitWalker<N> {

    /** Directories held open at once by one walker. */
    static final int OPEN_BUDGET = 64;
    private static final int BATCH = 1024;
    private static final String MOUNT_POINT = "another file system is mounted here; not crossed";

    private final DeletionRun run;
    private final int slot;
    private final StringBuilder path = new StringBuilder();
    private final Deque<Frame<N>> stack = new ArrayDeque<>();
    private DirectoryHandle<N> base;
    private int open;
    /** Set by {@link #open} when it removed an empty directory it could not open, instead of opening it. */
    private boolean removedInstead;

    UnitWalker(DeletionRun run, int slot) {
        this.run = run;
        this.slot = slot;
    }

    /**
     * Deletes entry {@code name} of {@code parent} (a handle the caller keeps open) whose path from the root is
     * {@code parentPath/name}; {@code node} is the protection tree at {@code parent}. A directory with no
     * protected path at or below it, that no rule keeps and that {@code expansion} (may be {@code null}) accepts
     * is only read here: its other entries are handled as usual and each subdirectory is handed to
     * {@code expansion}, to be emptied on other threads; the result is then {@link EntryOutcome#EXPANDED}.
     */
    EntryOutcome delete(DirectoryHandle<N> parent, N name, String parentPath, ProtectionTree node, EntryStat st,
                        ExpandedDirectory<N> expansion) {
        base = parent;
        path.setLength(0);
        path.append(parentPath);
        String name0 = parent.decode(name);
        ProtectionTree childNode = node == null ? null : node.child(name0);
        String rel = RelativePaths.join(parentPath, name0);
        String reason = run.keepReason(childNode, rel, st);
        if (reason != null) {
            run.kept(rel, st.kind(), reason);
            return EntryOutcome.KEPT;
        }
        if (st.kind() != EntryKind.DIRECTORY) {
            return deleteLeaf(parent, name, st, rel) ? EntryOutcome.REMOVED : EntryOutcome.LEFT;
        }
        if (isMountPoint(parent, st)) {
            run.kept(rel, st.kind(), MOUNT_POINT);
            return EntryOutcome.KEPT;
        }
        removedInstead = false;
        Frame<N> top = open(null, parent, name, st, childNode, rel, 1);
        if (top == null) {
            return removedInstead ? EntryOutcome.REMOVED : EntryOutcome.LEFT;
        }
        // childNode == null: nothing at or below this directory is protected, so its subdirectories need no
        // protection node and each can be emptied on its own
        if (expansion != null && childNode == null && expansion.start(top)) {
            open--; // the expansion owns the handle from now on
            expansion.read(this, top);
            return EntryOutcome.EXPANDED;
        }
        boolean removed = walk(top);
        return removed ? EntryOutcome.REMOVED : EntryOutcome.LEFT;
    }

    /**
     * Makes this walker continue from {@code base} (a handle someone else keeps open, or {@code open} of them
     * this walker owns), with {@code basePath} the path of the directory being worked on.
     */
    void startAt(DirectoryHandle<N> baseHandle, String basePath, int owned) {
        base = baseHandle;
        path.setLength(0);
        path.append(basePath);
        open = owned;
    }

    /**
     * Empties and removes the directory of {@code top} (only empties it, when its handle is borrowed); whether it
     * is gone (for a borrowed one: whether nothing in it stays).
     */
    boolean walk(Frame<N> top) {
        stack.push(top);
        boolean topRemoved = false;
        while (!stack.isEmpty()) {
            Frame<N> f = stack.peek();
            if (f.abandoned) {
                f.pending.clear();
                f.exhausted = true;
            }
            if (!f.pending.isEmpty()) {
                if (open >= OPEN_BUDGET && !f.exhausted) {
                    while (!f.exhausted) {
                        readBatch(f);
                    }
                }
                Frame.Pending<N> p = f.pending.poll();
                Frame<N> child = open(f, f.handle, p.name(), p.stat(), p.node(), null, p.retries());
                if (child != null) {
                    if (open > OPEN_BUDGET && f.exhausted && f.handle != null && !f.borrowed) {
                        closeHandle(f);
                    }
                    stack.push(child);
                }
            } else if (!f.exhausted) {
                readBatch(f);
            } else {
                stack.pop();
                boolean gone = f.borrowed ? !f.keep : finish(f);
                if (stack.isEmpty()) {
                    topRemoved = gone;
                }
            }
        }
        return topRemoved;
    }

    /** Reads the next names of {@code f}: keeps, deletes or queues each entry; marks the end. */
    void readBatch(Frame<N> f) {
        List<N> names;
        try {
            names = f.handle.nextNames(BATCH);
        } catch (NoSuchFileException vanished) {
            // someone else removed this directory while it was open (another clear, an rm -rf): what it held is
            // gone, which is what was asked
            f.exhausted = true;
            return;
        } catch (IOException e) {
            run.error(path.toString(), "cannot read directory: " + IoMessages.reason(e));
            f.keep = true;
            f.exhausted = true;
            return;
        }
        if (names.isEmpty()) {
            f.exhausted = true;
            return;
        }
        for (N name : names) {
            entry(f, name, 0);
        }
    }

    /** Handles one entry of {@code f}: keeps it, deletes it, or queues it for emptying. */
    private void entry(Frame<N> f, N name, int retries) {
        EntryStat st;
        try {
            st = f.handle.stat(name);
        } catch (NoSuchFileException vanished) {
            return;
        } catch (IOException e) {
            run.error(childPath(f, name), "cannot stat: " + IoMessages.reason(e));
            f.keep = true;
            return;
        }
        ProtectionTree node = f.protection == null ? null : f.protection.child(f.handle.decode(name));
        if ((node != null || run.hasKeepRules())) {
            String rel = childPath(f, name);
            String reason = run.keepReason(node, rel, st);
            if (reason != null) {
                run.kept(rel, st.kind(), reason);
                f.keep = true;
                return;
            }
        }
        if (st.kind() != EntryKind.DIRECTORY) {
            if (!deleteLeaf(f.handle, name, st, null)) {
                f.keep = true;
            }
        } else if (st.mountRoot() || (st.hasInode() && f.self.hasInode() && st.dev() != f.self.dev())) {
            run.kept(childPath(f, name), st.kind(), MOUNT_POINT);
            f.keep = true;
        } else {
            f.pending.add(new Frame.Pending<>(name, st, node, retries));
        }
    }

    /**
     * Opens a directory to empty it and pushes nothing; returns its frame, or {@code null} when it vanished,
     * could not be opened (reported) or turned out not to be a directory (then handled as what it is now).
     */
    private Frame<N> open(Frame<N> parent, DirectoryHandle<N> handle, N name, EntryStat listed, ProtectionTree node,
                          String topPath, int retries) {
        DirectoryHandle<N> h;
        EntryStat self;
        try {
            h = handle.openDirectory(name);
        } catch (NoSuchFileException vanished) {
            return null;
        } catch (NotDirectoryException | FileSystemLoopException changed) {
            return retry(parent, name, topPath, retries);
        } catch (AccessDeniedException denied) {
            // rm -rf's rule: a folder that cannot be opened can still be removed when it is empty (e.g. mode 000)
            if (removeUnopenable(handle, name, listed)) {
                return null;
            }
            run.error(topPath != null ? topPath : childPath(parent, name), "cannot open directory: "
                    + IoMessages.reason(denied));
            markKept(parent);
            return null;
        } catch (IOException e) {
            run.error(topPath != null ? topPath : childPath(parent, name), "cannot open directory: " + IoMessages.reason(e));
            markKept(parent);
            return null;
        }
        open++;
        try {
            self = h.self();
        } catch (IOException e) {
            h.close();
            open--;
            run.error(topPath != null ? topPath : childPath(parent, name), "cannot stat: " + IoMessages.reason(e));
            markKept(parent);
            return null;
        }
        if (!self.sameObject(listed)) {
            h.close();
            open--;
            return retry(parent, name, topPath, retries);
        }
        Frame<N> f = new Frame<>(parent, name, self, node, path.length());
        f.handle = h;
        if (topPath != null) {
            path.setLength(0);
            path.append(topPath);
        } else {
            path.append('/').append(handle.decode(name));
        }
        return f;
    }

    /**
     * Removes a directory that cannot be opened, when it is empty; whether it is gone. A dry run cannot look
     * inside, so it reports the folder as a real run would report a non-empty one.
     */
    private boolean removeUnopenable(DirectoryHandle<N> handle, N name, EntryStat listed) {
        if (run.dryRun()) {
            return false;
        }
        try {
            handle.deleteDirectory(name);
        } catch (NoSuchFileException vanished) {
            removedInstead = true;
            return true;
        } catch (IOException notEmptyOrDenied) {
            return false;
        }
        run.removed(slot, listed, false);
        removedInstead = true;
        return true;
    }

    /** The entry changed between its stat and its opening: look at it once more, as a new entry. */
    private Frame<N> retry(Frame<N> parent, N name, String topPath, int retries) {
        if (parent == null || retries > 0) {
            run.error(topPath != null ? topPath : childPath(parent, name), "changed while being deleted; left in place");
            markKept(parent);
            return null;
        }
        entry(parent, name, 1);
        return null;
    }

    private boolean isMountPoint(DirectoryHandle<N> parent, EntryStat st) {
        if (st.mountRoot()) {
            return true;
        }
        try {
            EntryStat parentStat = parent.self();
            return st.hasInode() && parentStat.hasInode() && st.dev() != parentStat.dev();
        } catch (IOException e) {
            return false;
        }
    }

    /** Pops {@code f}: removes its directory unless something in it stays; whether it is gone. */
    boolean finish(Frame<N> f) {
        Frame<N> parent = stack.peek();
        DirectoryHandle<N> parentHandle = parent == null ? base : reacquire(parent, f);
        closeHandle(f);
        try {
            if (f.keep || parentHandle == null) {
                markKept(parent);
                return false;
            }
            if (!run.dryRun()) {
                try {
                    parentHandle.deleteDirectory(f.name);
                } catch (NoSuchFileException vanished) {
                    return true;
                } catch (DirectoryNotEmptyException e) {
                    run.error(path.toString(), "cannot remove directory: entries were added while it was being emptied");
                    markKept(parent);
                    return false;
                } catch (IOException e) {
                    run.error(path.toString(), "cannot remove directory: " + IoMessages.reason(e));
                    markKept(parent);
                    return false;
                }
            }
            run.removed(slot, f.self, false);
            return true;
        } finally {
            path.setLength(f.parentPathLength);
        }
    }

    /**
     * Makes sure {@code p} (closed while its subdirectories were emptied) is open again, or reports that it
     * cannot be and leaves it in place.
     */
    private DirectoryHandle<N> reacquire(Frame<N> p, Frame<N> child) {
        if (p.handle != null || p.abandoned) {
            return p.handle;
        }
        DirectoryHandle<N> reopened = p.reopen(child, base);
        if (reopened == null) {
            run.error(path.substring(0, child.parentPathLength),
                    "directory was moved or replaced while being emptied; left in place");
            p.abandoned = true;
            p.keep = true;
            return null;
        }
        open++;
        return reopened;
    }

    private boolean deleteLeaf(DirectoryHandle<N> dir, N name, EntryStat st, String relOrNull) {
        return run.deleteLeaf(dir, name, st, slot, () -> relOrNull != null ? relOrNull : path + "/" + dir.decode(name));
    }

    private void closeHandle(Frame<N> f) {
        if (f.handle != null && !f.borrowed) {
            f.handle.close();
            f.handle = null;
            open--;
        }
    }

    private static <N> void markKept(Frame<N> f) {
        if (f != null) {
            f.keep = true;
        }
    }

    private String childPath(Frame<N> f, N name) {
        return path + "/" + f.handle.decode(name);
    }
}
