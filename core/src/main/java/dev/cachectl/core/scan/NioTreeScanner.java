package dev.cachectl.core.scan;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.internal.IoMessages;
import dev.cachectl.core.fs.internal.NioStat;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;

/**
 * The portable scanner: {@link java.nio.file} with one {@code lstat} per entry (the {@code unix} view gives link
 * count, device and inode in the same call). Directories are opened by path, so a directory swapped for a
 * symbolic link between its {@code lstat} and its opening would be read through the link, and paths longer
 * than the platform allows are reported as errors; the Linux scanner has neither limit.
 */
final class NioTreeScanner implements TreeScanner {

    /** Link options that follow a final symbolic link (for the root, like {@code du -s DIR/}). */
    private static final LinkOption[] FOLLOW = {};

    @Override
    public ScanImplementation implementation() {
        return ScanImplementation.NIO;
    }

    @Override
    public TreeUsage scan(Path root, ScanOptions options) throws IOException {
        boolean unix = NioStat.hasUnixView(root.getFileSystem());
        EntryStat st = NioStat.read(root, unix);
        if (st.kind() == EntryKind.SYMLINK) {
            st = NioStat.read(root, unix, FOLLOW);
        }
        ScanRun run = new ScanRun(1);
        Tally tally = new Tally();
        tally.count(st, run, 0);
        run.account(0, tally);
        boolean directory = st.kind() == EntryKind.DIRECTORY;
        WalkDriver.run(run, options, ForkJoinPool.defaultForkJoinWorkerThreadFactory, barrier -> directory
                ? List.of(new DirectoryTask(barrier, run, root, 0, unix)) : List.of());
        return run.usage(0);
    }

    @Override
    public DirectoryUsage scanEntries(Path directory, ScanOptions options) throws IOException {
        boolean unix = NioStat.hasUnixView(directory.getFileSystem());
        EntryStat self = NioStat.read(directory, unix, FOLLOW);
        if (self.kind() != EntryKind.DIRECTORY) {
            throw new NotDirectoryException(directory.toString());
        }
        List<ListedEntry> listed = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                try {
                    listed.add(new ListedEntry(child.getFileName().toString(), NioStat.read(child, unix), child));
                } catch (NoSuchFileException vanished) {
                    // removed while we listed: not part of the tree any more
                }
            }
        }
        List<ListedEntry> sorted = ListedEntry.sorted(listed);
        ScanRun run = new ScanRun(sorted.size() + 1);
        Tally tally = new Tally();
        tally.count(self, run, 0);
        run.account(0, tally);
        List<Integer> directories = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            tally.reset();
            tally.count(sorted.get(i).stat(), run, i + 1);
            run.account(i + 1, tally);
            if (sorted.get(i).stat().kind() == EntryKind.DIRECTORY) {
                directories.add(i);
            }
        }
        WalkDriver.run(run, options, ForkJoinPool.defaultForkJoinWorkerThreadFactory, barrier -> directories.stream()
                .map(i -> new DirectoryTask(barrier, run, (Path) sorted.get(i).handle(), i + 1, unix)).toList());
        return ListedEntry.assemble(directory, run, sorted);
    }

    /** Reads one directory, counts its entries and forks a task per subdirectory. */
    private static final class DirectoryTask extends CountedCompleter<Void> {

        private static final long serialVersionUID = 1L;
        private final transient ScanRun run;
        private final transient Path directory;
        private final int slot;
        private final boolean unix;

        DirectoryTask(CountedCompleter<?> parent, ScanRun run, Path directory, int slot, boolean unix) {
            super(parent);
            this.run = run;
            this.directory = directory;
            this.slot = slot;
            this.unix = unix;
        }

        @Override
        public void compute() {
            try {
                walk();
            } catch (RuntimeException | Error e) {
                run.fail(e);
            } finally {
                tryComplete();
            }
        }

        private void walk() {
            Tally tally = new Tally();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                for (Path child : stream) {
                    EntryStat st;
                    try {
                        st = NioStat.read(child, unix);
                    } catch (NoSuchFileException vanished) {
                        continue;
                    } catch (IOException e) {
                        run.error(slot, child, "cannot stat: " + IoMessages.reason(e));
                        continue;
                    }
                    tally.count(st, run, slot);
                    if (st.kind() == EntryKind.DIRECTORY) {
                        addToPendingCount(1);
                        new DirectoryTask(this, run, child, slot, unix).fork();
                    }
                }
            } catch (NoSuchFileException vanished) {
                // removed after its parent listed it
            } catch (IOException | DirectoryIteratorException e) {
                IOException cause = e instanceof IOException io ? io
                        : ((DirectoryIteratorException) e).getCause();
                run.error(slot, directory, "cannot read directory: "
                        + IoMessages.reason(cause));
            }
            run.account(slot, tally);
        }
    }
}
