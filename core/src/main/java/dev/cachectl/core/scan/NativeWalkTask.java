package dev.cachectl.core.scan;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.linux.Dirents;
import dev.cachectl.core.fs.linux.Errno;
import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.fs.linux.Scratch;
import dev.cachectl.core.fs.linux.SharedFd;
import dev.cachectl.core.fs.linux.Statx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountedCompleter;

/**
 * Walks subtrees with Linux system calls, depth-first on one worker with an explicit stack, handing half of a
 * directory's pending subdirectories to a new task whenever other workers run out of work (so the pool stays
 * busy without a task per directory). Every entry is examined with {@code statx} relative to its open directory;
 * subdirectories are opened with {@code openat(O_NOFOLLOW)} relative to their parent, so no symlink is followed.
 *
 * <p>Descriptors: a directory on the stack with nothing left to open is closed as soon as its last subdirectory
 * is entered, and past {@link #OPEN_BUDGET} open directories one with subdirectories left is closed too; it is
 * reopened through {@code ..} from the directory finished last, checked to be the same directory (device and
 * inode). So a task holds at most about {@link #OPEN_BUDGET} descriptors whatever the tree's depth.
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
    /** Descriptors held by this task's frames above the bottom (the task runs on one thread at a time). */
    private transient int open;

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
        ArrayList<Frame> stack = new ArrayList<>();
        Frame bottom = new Frame(base, basePath);
        if (names == null) {
            read(s, tally, bottom);
        } else {
            bottom.pending.addAll(names);
        }
        stack.add(bottom);
        while (!stack.isEmpty()) {
            Frame f = stack.getLast();
            if (f.pending.isEmpty()) {
                stack.removeLast();
                if (f.fd != null) {
                    if (f != bottom) {
                        reopenWaitingAncestor(s, stack, f);
                        open--;
                    }
                    f.fd.release(s);
                }
                continue;
            }
            if (f.fd == null) {
                // closed, and what would have reopened it was moved away meanwhile
                run.error(slot, f.path.toPath(), "directory moved during the walk; "
                        + f.pending.size() + " of its subdirectories not measured");
                f.pending.clear();
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
            if (f != bottom && (f.pending.isEmpty() || (open >= OPEN_BUDGET && remember(s, f)))) {
                // nothing left to open in f (it only stays on the stack to be popped), or over the budget
                f.fd.release(s);
                f.fd = null;
                open--;
            }
            stack.add(child);
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

    /**
     * Called as {@code child} (still open) leaves the stack: the nearest frame below it that still has
     * subdirectories to visit gets its descriptor back if it was closed, through as many {@code ..} as it is
     * levels up, and only if it is still the same directory (device and inode). The frames in between have
     * nothing left to open and need no descriptor.
     */
    private void reopenWaitingAncestor(Scratch s, ArrayList<Frame> stack, Frame child) {
        int i = stack.size() - 1;
        while (i >= 0 && stack.get(i).pending.isEmpty()) {
            i--;
        }
        if (i < 0 || stack.get(i).fd != null) {
            return;
        }
        Frame waiting = stack.get(i);
        int fd = up(s, child.fd.fd(), stack.size() - i);
        if (fd >= 0 && Libc.statx(s, fd, s.name(EMPTY), Libc.AT_EMPTY_PATH, Statx.MASK, s.statAddress()) == 0
                && Statx.dev(s.statWords()) == waiting.dev && Statx.ino(s.statWords()) == waiting.ino) {
            waiting.fd = new SharedFd(fd);
            open++;
            return;
        }
        if (fd >= 0) {
            Libc.close(s, fd);
        }
        run.error(slot, waiting.path.toPath(), "directory moved during the walk; "
                + waiting.pending.size() + " of its subdirectories not measured");
        waiting.pending.clear();
    }

    /** Opens the directory {@code levels} above {@code dirfd} ({@code ../..}, at most 1000 steps per call). */
    private static int up(Scratch s, int dirfd, int levels) {
        int current = dirfd;
        for (int left = levels; left > 0; ) {
            int step = Math.min(left, MAX_UP_STEP);
            int next = Libc.openat(s, current, s.name(step == MAX_UP_STEP ? UP_MAX : dotDots(step)), OPEN_FLAGS);
            if (current != dirfd) {
                Libc.close(s, current);
            }
            if (next < 0) {
                return -1;
            }
            current = next;
            left -= step;
        }
        return current;
    }

    private static byte[] dotDots(int levels) {
        return ("../".repeat(levels - 1) + "..").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final int MAX_UP_STEP = 1000;
    private static final byte[] UP_MAX = dotDots(MAX_UP_STEP);
    private static final byte[] EMPTY = {};

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
