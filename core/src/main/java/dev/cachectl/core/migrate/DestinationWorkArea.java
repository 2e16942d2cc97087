package dev.cachectl.core.migrate;

import dev.cachectl.core.delete.DeletionError;
import dev.cachectl.core.delete.DeletionReport;
import dev.cachectl.core.delete.DeletionRequest;
import dev.cachectl.core.delete.TreeDeleter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The migration's own folder in one destination cache, {@code <cache>/.cachectl-migrate/}: a lock file so
 * two runs never interleave, the journal, and the staging folder where copies are written before they are
 * published. Opening it takes the lock and finishes what an interrupted run left: staging leftovers are
 * removed (nothing in staging was ever published), and the hard-link copies it recorded are remembered.
 * After a finished run only the empty lock file remains.
 */
final class DestinationWorkArea implements AutoCloseable {

    /** The folder's name inside a cache directory. */
    static final String FOLDER = ".cachectl-migrate";
    /** A staging folder beside a destination that lives on another file system than the cache. */
    static final String SIDE_STAGING = ".cachectl-migrate-staging";
    /** The journal record of a source to remove once empty. */
    private static final String SOURCE_ROOT = "source-root";

    /** The one deleter, the same as {@code clear}'s: never a path-based fallback. */
    private static final TreeDeleter DELETER = TreeDeleter.create();

    private final Path folder;
    private final Path staging;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final MigrationJournal journal;
    private final HardLinkMap links = new HardLinkMap();
    private final Set<Path> sideStagings = new LinkedHashSet<>();
    /** Sources an earlier run began to empty into this cache; each is removed once found empty. */
    private final Set<Path> pendingSourceRoots = new LinkedHashSet<>();
    private final int removedLeftovers;
    private final boolean resumed;
    private int counter;

    private DestinationWorkArea(Path folder, FileChannel lockChannel, FileLock lock) throws IOException {
        this.folder = folder;
        this.staging = folder.resolve("staging");
        this.lockChannel = lockChannel;
        this.lock = lock;
        List<Map<String, String>> records = MigrationJournal.read(folder.resolve("journal"));
        this.resumed = !records.isEmpty();
        this.removedLeftovers = recover(records);
        List<Map<String, String>> carried = new ArrayList<>();
        carried.add(Map.of("type", "run", "id", UUID.randomUUID().toString()));
        records.stream().filter(r -> r.get("type").equals("link") || r.get("type").equals(SOURCE_ROOT))
                .forEach(carried::add);
        records.stream().filter(r -> r.get("type").equals(SOURCE_ROOT)).map(r -> Path.of(r.get("path")))
                .forEach(pendingSourceRoots::add);
        this.journal = MigrationJournal.start(folder.resolve("journal"), carried);
    }

    /**
     * Takes the migration lock of {@code cacheDirectory} (creating the cache and its work folder when
     * missing) and recovers an interrupted run.
     *
     * @throws MigrationLockedException when another migration holds the lock
     */
    static DestinationWorkArea open(Path cacheDirectory) throws IOException, MigrationLockedException {
        Path folder = cacheDirectory.resolve(FOLDER);
        Files.createDirectories(folder);
        Path lockFile = folder.resolve("lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // This JVM holds it already (two migrations in one process, as in tests).
                lock = null;
            }
            if (lock == null) {
                throw new MigrationLockedException(lockFile);
            }
            return new DestinationWorkArea(folder, channel, lock);
        } catch (IOException | MigrationLockedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Removes what an interrupted run left in staging; returns how many entries were removed. */
    private int recover(List<Map<String, String>> records) throws IOException {
        int removed = 0;
        for (Map<String, String> record : records) {
            switch (record.get("type")) {
                case "stage" -> {
                    // Only cachectl's own staging folders are ever cleared, whatever a journal says.
                    Path parent = Path.of(record.get("staging")).getParent();
                    if (parent != null && parent.getFileName().toString().equals(SIDE_STAGING)) {
                        sideStagings.add(parent);
                    }
                }
                case "link" -> {
                    try {
                        links.put(record.get("key"), new HardLinkMap.Copy(Path.of(record.get("path")),
                                Long.parseLong(record.get("length")), Long.parseLong(record.get("modified")),
                                Long.parseLong(record.get("crc32c"))));
                    } catch (RuntimeException e) {
                        // A record of an older format: only the hard link to that copy is lost, not data.
                        assert e != null;
                    }
                }
                default -> { }
            }
        }
        sideStagings.add(staging);
        for (Path stagingFolder : sideStagings) {
            removed += clear(stagingFolder);
        }
        sideStagings.remove(staging);
        return removed;
    }

    /** A fresh staging path for {@code destination}, on the destination's file system. */
    Path stagingFor(Path destination) throws IOException {
        Files.createDirectories(staging);
        Path parent = Devices.nearestExisting(destination.getParent());
        Path base = staging;
        if (!Devices.same(staging, parent)) {
            base = parent.toRealPath().resolve(SIDE_STAGING);
            Files.createDirectories(base);
            sideStagings.add(base);
        }
        Path path = base.resolve(String.format("%06d-%s", ++counter, destination.getFileName()));
        journal.append(true, "stage", "staging", path.toString(), "final", destination.toString());
        return path;
    }

    /**
     * Records, before a source's entries are removed, that {@code root} is to be removed once empty, so a run
     * killed between emptying it and removing it finishes that on the next run.
     */
    void willEmpty(Path root) throws IOException {
        if (pendingSourceRoots.add(root)) {
            journal.append(true, SOURCE_ROOT, "path", root.toString());
        }
    }

    /** The sources this cache's migrations began to empty (this run's and interrupted ones'). */
    Set<Path> pendingSourceRoots() {
        return Set.copyOf(pendingSourceRoots);
    }

    MigrationJournal journal() {
        return journal;
    }

    HardLinkMap links() {
        return links;
    }

    /** How many leftovers of an interrupted run were removed from staging. */
    int removedLeftovers() {
        return removedLeftovers;
    }

    /** Whether a journal of an earlier run was found. */
    boolean resumed() {
        return resumed;
    }

    /** Removes a staged entry that will not be published. */
    void discard(Path staged) throws IOException {
        links.forgetStaged(staged);
        deleteTree(staged);
    }

    /**
     * Ends the run: when nothing is left in staging, the journal and the staging folder are removed; then
     * the lock is released. The empty lock file stays: deleting it would let a run that opened it just before
     * lock a file that no longer guards anything, and the lock is an fcntl lock, which closing any other
     * descriptor of the file in this process would drop, so the file is never reopened to check.
     */
    @Override
    public void close() throws IOException {
        try {
            journal.close();
            boolean clean = clear(staging) == 0;
            for (Path side : sideStagings) {
                clean &= clear(side) == 0;
                deleteIfEmpty(side);
            }
            if (clean) {
                deleteIfEmpty(staging);
                Files.deleteIfExists(journal.file());
            }
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    /**
     * Deletes everything inside {@code folder} with the one deleter ({@link TreeDeleter}: race-safe, never
     * following a link, any depth); returns how many top-level entries there were.
     */
    private static int clear(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        DeletionReport report = DELETER.clearContents(folder, DeletionRequest.real());
        failOnErrors(report);
        return report.entries().size() + report.kept().size();
    }

    /** Deletes a staged tree (only cachectl's own staging is passed here) with the one deleter. */
    static void deleteTree(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        failOnErrors(DELETER.deleteEntries(absolute.getParent(), List.of(absolute.getFileName().toString()),
                DeletionRequest.real()));
    }

    private static void failOnErrors(DeletionReport report) throws IOException {
        if (!report.errors().isEmpty()) {
            DeletionError first = report.errors().getFirst();
            throw new IOException("cannot delete " + report.root().resolve(first.relativePath()) + ": "
                    + first.message());
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // Still in use or already gone: either way there is nothing to remove.
            assert e != null;
        }
    }

    /** Flushes a folder's entries (a rename into it) to disk where the platform allows. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder for flushing; its renames are flushed by the file system itself.
            assert e != null;
        }
    }

    /** Flushes every regular file below {@code folder}, where one flush of the file system was not possible. */
    static void forceTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            // Flushing guards against power loss; a copy that could not be flushed is still correct.
            assert e != null;
        }
    }
}
