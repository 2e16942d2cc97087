package dev.cachectl.core.scan;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.linux.Dirents;
import dev.cachectl.core.fs.linux.Errno;
import dev.cachectl.core.fs.linux.Libc;
import dev.cachectl.core.fs.linux.Scratch;
import dev.cachectl.core.fs.linux.SharedFd;
import dev.cachectl.core.fs.linux.Statx;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The Linux scanner: {@code openat}, {@code getdents64} and {@code statx} through {@code java.lang.foreign},
 * relative to open directories, on a pool of {@link ScanWorker}s running {@link NativeWalkTask}s.
 */
final class NativeTreeScanner implements TreeScanner {

    private static final int ROOT_OPEN_FLAGS = Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC;

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    static boolean available() {
        return Libc.AVAILABLE;
    }

    static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("cachectl-scan-warm-up").start(() -> {
                if (available()) {
                    try {
                        new NativeTreeScanner().scan(Path.of(System.getProperty("java.home")),
                                ScanOptions.DEFAULTS.withParallelism(1));
                    } catch (IOException | RuntimeException e) {
                        // a warm-up only: the real scan reports whatever this met
                    }
                }
            });
        }
    }

    @Override
    public ScanImplementation implementation() {
        return ScanImplementation.LINUX_NATIVE;
    }

    @Override
    public TreeUsage scan(Path root, ScanOptions options) throws IOException {
        ScanRun run = new ScanRun(1);
        SharedFd base;
        try (Scratch s = Scratch.borrow()) {
            EntryStat self = statRoot(s, root);
            Tally tally = new Tally();
            tally.count(self, run, 0);
            run.account(0, tally);
            if (self.kind() != EntryKind.DIRECTORY) {
                return run.usage(0);
            }
            int fd = Libc.openat(s, Libc.AT_FDCWD, pathAddress(s, root), ROOT_OPEN_FLAGS);
            if (fd < 0) {
                run.error(0, root, "cannot read directory: " + Errno.message(s.errno()));
                return run.usage(0);
            }
            base = new SharedFd(fd);
        }
        PathNode rootNode = PathNode.root(root);
        walk(run, options, barrier -> List.of(new NativeWalkTask(barrier, run, base, rootNode, null, 0)));
        return run.usage(0);
    }

    @Override
    public DirectoryUsage scanEntries(Path directory, ScanOptions options) throws IOException {
        List<ListedEntry> sorted;
        ScanRun run;
        SharedFd base;
        try (Scratch s = Scratch.borrow()) {
            EntryStat self = statRoot(s, directory);
            if (self.kind() != EntryKind.DIRECTORY) {
                throw new NotDirectoryException(directory.toString());
            }
            int fd = Libc.openat(s, Libc.AT_FDCWD, pathAddress(s, directory), ROOT_OPEN_FLAGS);
            if (fd < 0) {
                throw Errno.exception(s.errno(), directory.toString());
            }
            base = new SharedFd(fd);
            List<ListedEntry> listed = new ArrayList<>();
            int errno = Dirents.readAll(s, fd, (buffer, offset, address) -> {
                if (Libc.statx(s, fd, address, Statx.NO_FOLLOW, Statx.MASK, s.statAddress()) == 0) {
                    byte[] name = Dirents.name(buffer, offset);
                    listed.add(new ListedEntry(PathNode.decode(name), Statx.toEntryStat(s.statWords()), name));
                }
            });
            if (errno != 0) {
                base.release(s);
                throw Errno.exception(errno, directory.toString());
            }
            sorted = ListedEntry.sorted(listed);
            run = new ScanRun(sorted.size() + 1);
            Tally tally = new Tally();
            tally.count(self, run, 0);
            run.account(0, tally);
            for (int i = 0; i < sorted.size(); i++) {
                tally.reset();
                tally.count(sorted.get(i).stat(), run, i + 1);
                run.account(i + 1, tally);
            }
        }
        PathNode rootNode = PathNode.root(directory);
        walk(run, options, barrier -> {
            List<NativeWalkTask> tasks = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).stat().kind() == EntryKind.DIRECTORY) {
                    tasks.add(new NativeWalkTask(barrier, run, base.retain(), rootNode,
                            List.of((byte[]) sorted.get(i).handle()), i + 1));
                }
            }
            return tasks;
        }, base);
        return ListedEntry.assemble(directory, run, sorted);
    }

    private static void walk(ScanRun run, ScanOptions options,
                             Function<CountedCompleter<Void>, List<? extends CountedCompleter<Void>>> tasks) {
        WalkDriver.run(run, options, ScanWorker.factory(), tasks);
    }

    /** As {@link #walk(ScanRun, ScanOptions, Function)}, then drops the caller's {@code base}. */
    private static void walk(ScanRun run, ScanOptions options,
                             Function<CountedCompleter<Void>, List<? extends CountedCompleter<Void>>> tasks,
                             SharedFd base) {
        try {
            walk(run, options, tasks);
        } finally {
            try (Scratch s = Scratch.borrow()) {
                base.release(s);
            }
        }
    }

    /** The root's attributes, following it when it is a symbolic link (like {@code du -s DIR/}). */
    private static EntryStat statRoot(Scratch s, Path root) throws IOException {
        if (Libc.statx(s, Libc.AT_FDCWD, pathAddress(s, root), Libc.AT_NO_AUTOMOUNT, Statx.MASK, s.statAddress()) != 0) {
            throw Errno.exception(s.errno(), root.toString());
        }
        return Statx.toEntryStat(s.statWords());
    }

    private static long pathAddress(Scratch s, Path path) throws IOException {
        try {
            return s.path(path.toAbsolutePath().toString());
        } catch (IllegalArgumentException e) {
            throw new FileSystemException(path.toString(), null, "File name too long");
        }
    }
}
