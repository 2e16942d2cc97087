package dev.cachectl.core.scan;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.linux.Dirents;
import dev.cachectl.core.fs.linux.Errno;
import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.fs.linux.Scratch;
import dev.cachectl.core.fs.linux.SharedFd;
import dev.cachectl.core.fs.linux.Statx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountedCompleter;

/**
 * Walks subtrees with Linux system calls, depth-first on one worker with an explicit stack, handing half of a
 * directory's pending subdirectories to a new task whenever other workers run out of work (so the pool stays
 * busy without a task per directory). Every entry is examined with {@code statx} relative to its open directory;
 * subdirectories are opened with {@code openat(O_NOFOLLOW)} relative to their parent, so no symlink is followed.
 *
 * <p>Descriptors: a worker keeps at most {@link #OPEN_BUDGET} directories of its stack open. A directory
 * that still has subdirectories to visit is then closed while the deeper ones are walked and reopened through
 * {@code ..} of its child, checked to be the same directory (device and inode).
 */
final class NativeWalkTask extends CountedCompleter<Void> {

    private static final long serialVersionUID = 1L;
    static final int OPEN_BUDGET = 64;
    private static final int OPEN_FLAGS = Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC;
    private static final int SPLIT_SURPLUS = 2;

    private final transient ScanRun run;
    private final transient SharedFd base;
    private final transient PathNode basePath;
    private final transient List<byte[]> names;
    private final int slot;

    /**
     * A task that walks the subdirectories {@code names} of the open directory {@code base} (a reference the
     * task now owns), or reads {@code base} itself first when {@code names} is {@code null}.
     */
    NativeWalkTask(CountedCompleter<?> parent, ScanRun run, SharedFd base, PathNode basePath, List<byte[]> names,
                   int slot) {
        super(parent);
        this.run = run;
        this.base = base;
        this.basePath = basePath;
        this.names = names;
        this.slot = slot;
    }

    @Override
    public void compute() {
        ScanWorker worker = (ScanWorker) Thread.currentThread();
        try {
            walk(worker.scratch, worker.tally);
        } catch (RuntimeException | Error e) {
            run.fail(e);
        } finally {
            tryComplete();
        }
    }

    private void walk(Scratch s, Tally tally) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        Frame bottom = new Frame(base, basePath);
        if (names == null) {
            read(s, tally, bottom);
        } else {
            bottom.pending.addAll(names);
        }
        stack.push(bottom);
        int open = 0;
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.pending.isEmpty()) {
                stack.pop();
                Frame parent = stack.peek();
                if (parent != null && parent.fd == null && !parent.pending.isEmpty()) {
                    reopen(s, parent, f);
                    open += parent.fd != null ? 1 : 0;
                }
                if (f.fd != null) {
                    f.fd.release(s);
                    open -= f == bottom ? 0 : 1;
                }
                continue;
            }
            if (f.pending.size() > 1 && getSurplusQueuedTaskCount() <= SPLIT_SURPLUS) {
                split(f);
            }
            byte[] name = f.pending.removeLast();
            int fd = Libc.openat(s, f.fd.fd(), s.name(name), OPEN_FLAGS);
            if (fd < 0) {
                int errno = s.errno();
                // gone, or replaced by a non-directory since it was examined: nothing more to count in it
                if (errno != Errno.ENOENT && errno != Errno.ENOTDIR && errno != Errno.ELOOP) {
                    run.error(slot, f.path.resolve(name), "cannot read directory: " + Errno.message(errno));
                }
                continue;
            }
            Frame child = new Frame(new SharedFd(fd), f.path.child(name));
            read(s, tally, child);
            if (child.pending.isEmpty()) {
                child.fd.release(s);
                continue;
            }
            if (open >= OPEN_BUDGET && f != bottom && !f.pending.isEmpty() && remember(s, f)) {
                f.fd.release(s);
                f.fd = null;
                open--;
            }
            stack.push(child);
            open++;
        }
    }

    /** Counts every entry of {@code f} and queues its subdirectories. */
    private void read(Scratch s, Tally tally, Frame f) {
        long statAddress = s.statAddress();
        int dirfd = f.fd.fd();
        tally.reset();
        int errno = Dirents.readAll(s, dirfd, (buffer, nameOffset, nameAddress) -> {
            int e = Libc.statxOrErrno(s, dirfd, nameAddress, Statx.NO_FOLLOW, Statx.MASK, statAddress);
            if (e != 0) {
                if (e != Errno.ENOENT) {
                    run.error(slot, f.path.resolve(Dirents.name(buffer, nameOffset)), "cannot stat: " + Errno.message(e));
                }
                return;
            }
            long[] st = s.statWords();
            int type = Statx.type(st);
            EntryKind kind = Statx.kind(type);
            long size = Statx.size(st);
            long disk = Statx.diskBytes(st);
            boolean shared = type != Statx.S_IFDIR && Statx.nlink(st) > 1;
            if (shared) {
                run.claimShared(Statx.dev(st), Statx.ino(st), slot, Math.max(0, size), disk);
            }
            tally.count(kind, size, disk, Statx.mtimeMillis(st), !shared);
            if (type == Statx.S_IFDIR) {
                f.pending.add(Dirents.name(buffer, nameOffset));
            }
        });
        if (errno != 0 && errno != Errno.ENOENT) {
            run.error(slot, f.path.toPath(), "cannot read directory: " + Errno.message(errno));
        }
        run.account(slot, tally);
    }

    /** Hands the older half of {@code f}'s pending subdirectories to a new task other workers can steal. */
    private void split(Frame f) {
        int half = f.pending.size() / 2;
        List<byte[]> given = new ArrayList<>(f.pending.subList(0, half));
        f.pending.subList(0, half).clear();
        addToPendingCount(1);
        new NativeWalkTask(this, run, f.fd.retain(), f.path, given, slot).fork();
    }

    /** Records {@code f}'s identity before its descriptor is closed; false when it cannot be read (keep it open). */
    private static boolean remember(Scratch s, Frame f) {
        if (Libc.statx(s, f.fd.fd(), s.name(EMPTY), Libc.AT_EMPTY_PATH, Statx.MASK, s.statAddress()) != 0) {
            return false;
        }
        f.dev = Statx.dev(s.statWords());
        f.ino = Statx.ino(s.statWords());
        return true;
    }

    /** Reopens {@code parent} through {@code ..} of its finished child, if it is still the same directory. */
    private void reopen(Scratch s, Frame parent, Frame child) {
        int fd = child.fd == null ? -1 : Libc.openat(s, child.fd.fd(), s.name(DOT_DOT), OPEN_FLAGS);
        if (fd >= 0 && Libc.statx(s, fd, s.name(EMPTY), Libc.AT_EMPTY_PATH, Statx.MASK, s.statAddress()) == 0
                && Statx.dev(s.statWords()) == parent.dev && Statx.ino(s.statWords()) == parent.ino) {
            parent.fd = new SharedFd(fd);
            return;
        }
        if (fd >= 0) {
            Libc.close(s, fd);
        }
        run.error(slot, parent.path.toPath(), "directory moved during the walk; "
                + parent.pending.size() + " of its subdirectories not measured");
        parent.pending.clear();
    }

    private static final byte[] EMPTY = {};
    private static final byte[] DOT_DOT = {'.', '.'};

    /** A directory on the stack: its descriptor (null while closed), where it is, what is left to visit. */
    private static final class Frame {
        SharedFd fd;
        final PathNode path;
        final ArrayList<byte[]> pending = new ArrayList<>();
        long dev;
        long ino;

        Frame(SharedFd fd, PathNode path) {
            this.fd = fd;
            this.path = path;
        }
    }
}
