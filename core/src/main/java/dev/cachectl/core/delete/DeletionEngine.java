package dev.cachectl.core.delete;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.fs.internal.EntryStat;
import dev.cachectl.core.fs.internal.IoMessages;
import dev.cachectl.core.scan.ProgressListener;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Runs a deletion: opens the root, lists or locates the requested entries, deletes them in parallel (one
 * {@link UnitWalker} per entry at a time, the entries spread over a small pool) and assembles the report. A clear
 * also spreads a directory entry's subdirectories over the pool ({@link ExpandedDirectory}), so that a cache
 * holding one huge folder is not deleted by one thread; the report is the same.
 *
 * @param <N> the handle's entry names
 */
final class DeletionEngine<N> {

    private final HandleOpener<N> opener;

    DeletionEngine(HandleOpener<N> opener) {
        this.opener = opener;
    }

    DeletionReport clearContents(Path root, DeletionRequest request) throws IOException {
        try (DirectoryHandle<N> rootHandle = opener.openRoot(root)) {
            return clearContents(root, rootHandle, request);
        }
    }

    DeletionReport clearContents(PinnedDirectory pinned, DeletionRequest request) throws IOException {
        try (DirectoryHandle<N> rootHandle = openPinned(pinned)) {
            return clearContents(pinned.realPath(), rootHandle, request);
        }
    }

    PinnedDirectory pin(Path directory) throws IOException {
        Path real = directory.toRealPath();
        DirectoryHandle<N> handle;
        try {
            handle = openWithoutLinks(real);
        } catch (NotDirectoryException | FileSystemLoopException changed) {
            throw new FileSystemException(directory.toString(), null, "changed while it was being looked at (a"
                    + " folder on the way became a symbolic link); look at it and run the command again");
        }
        try (handle) {
            return new PinnedDirectory(directory, real, handle.self());
        }
    }

    /**
     * Opens {@code real} (absolute, without links) folder by folder from its root, never following a link on the
     * way, so the directory opened is the one the path names now, not one a swapped parent leads to. Where an
     * ancestor may be searched but not read (mode 711), it opens the whole path at once instead and checks that
     * the path still resolves to itself afterwards; the identity check of the caller covers the rest.
     */
    private DirectoryHandle<N> openWithoutLinks(Path real) throws IOException {
        DirectoryHandle<N> current;
        try {
            current = opener.openRoot(real.getRoot());
        } catch (AccessDeniedException unreadableRoot) {
            return openWhole(real);
        }
        try {
            for (Path segment : real) {
                DirectoryHandle<N> next = current.openDirectory(current.encode(segment.toString()));
                current.close();
                current = next;
            }
            return current;
        } catch (AccessDeniedException unreadableAncestor) {
            current.close();
            return openWhole(real);
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    private DirectoryHandle<N> openWhole(Path real) throws IOException {
        DirectoryHandle<N> handle = opener.openRoot(real);
        if (!real.toRealPath().equals(real)) {
            handle.close();
            throw new NotDirectoryException(real.toString());
        }
        return handle;
    }

    /** The lock on {@code pinned}, or empty when another process holds it and {@code wait} is false. */
    Optional<DirectoryLock> lock(PinnedDirectory pinned, boolean wait) throws IOException {
        DirectoryHandle<N> handle = openPinned(pinned);
        try {
            if (handle.lockExclusive(wait)) {
                return Optional.of(new DirectoryLock(handle));
            }
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
        handle.close();
        return Optional.empty();
    }

    /** Opens the real path of {@code pinned} and checks it is still the directory that was pinned. */
    private DirectoryHandle<N> openPinned(PinnedDirectory pinned) throws IOException {
        DirectoryHandle<N> handle;
        try {
            handle = openWithoutLinks(pinned.realPath());
        } catch (NotDirectoryException | FileSystemLoopException swapped) {
            throw new DirectoryChangedException(pinned, "now leads to another directory (a folder on the way was"
                    + " replaced by a symbolic link)");
        } catch (NoSuchFileException gone) {
            throw new DirectoryChangedException(pinned, "was removed or moved");
        } catch (FileSystemException e) {
            if (e instanceof AccessDeniedException) {
                throw e;
            }
            throw new DirectoryChangedException(pinned, "was replaced (" + IoMessages.reason(e) + ")");
        }
        try {
            if (!pinned.sameDirectory(handle.self())) {
                throw new DirectoryChangedException(pinned, "now leads to another directory");
            }
            return handle;
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private DeletionReport clearContents(Path root, DirectoryHandle<N> rootHandle, DeletionRequest request) {
        List<String> rootErrors = new ArrayList<>();
        List<Unit<N>> units = list(rootHandle, rootErrors);
        DeletionRun run = new DeletionRun(request, units.size());
        rootErrors.forEach(message -> run.error("", message));
        return execute(root, rootHandle, run, units, true);
    }

    DeletionReport deleteEntries(Path root, List<String> relativePaths, DeletionRequest request) throws IOException {
        try (DirectoryHandle<N> rootHandle = opener.openRoot(root)) {
            return deleteEntries(root, rootHandle, relativePaths, request);
        }
    }

    DeletionReport deleteEntries(PinnedDirectory pinned, List<String> relativePaths, DeletionRequest request)
            throws IOException {
        try (DirectoryHandle<N> rootHandle = openPinned(pinned)) {
            return deleteEntries(pinned.realPath(), rootHandle, relativePaths, request);
        }
    }

    private DeletionReport deleteEntries(Path root, DirectoryHandle<N> rootHandle, List<String> relativePaths,
                                         DeletionRequest request) {
        List<Unit<N>> units = new ArrayList<>();
        for (String relativePath : relativePaths) {
            List<String> segments = RelativePaths.segments(relativePath);
            units.add(new Unit<>(segments.subList(0, segments.size() - 1),
                    rootHandle.encode(segments.getLast()), relativePath, null));
        }
        return execute(root, rootHandle, new DeletionRun(request, units.size()), units, false);
    }

    /** The root's entries with their attributes, by name. */
    private List<Unit<N>> list(DirectoryHandle<N> rootHandle, List<String> errors) {
        List<Unit<N>> units = new ArrayList<>();
        try {
            for (List<N> batch = rootHandle.nextNames(4096); !batch.isEmpty(); batch = rootHandle.nextNames(4096)) {
                for (N name : batch) {
                    String text = rootHandle.decode(name);
                    try {
                        units.add(new Unit<>(List.of(), name, text, rootHandle.stat(name)));
                    } catch (NoSuchFileException vanished) {
                        // gone already
                    } catch (IOException e) {
                        units.add(new Unit<>(List.of(), name, text, null));
                    }
                }
            }
        } catch (NoSuchFileException vanished) {
            // the root itself was removed meanwhile: nothing is left to delete
        } catch (IOException e) {
            errors.add("cannot read directory: " + IoMessages.reason(e));
        }
        units.sort(Comparator.comparing(Unit::relativePath));
        return units;
    }

    private DeletionReport execute(Path root, DirectoryHandle<N> rootHandle, DeletionRun run, List<Unit<N>> units,
                                   boolean expand) {
        Result[] results = new Result[units.size()];
        int parallelism = run.request.options().parallelism();
        boolean expanding = expand && parallelism > 1;
        int threads = Math.max(1, expanding ? parallelism : Math.min(parallelism, units.size()));
        // each expanded directory holds a descriptor until it is finished; the queue order keeps them about one
        // per thread, this bounds them whatever happens
        Semaphore expansions = new Semaphore(2 * threads);
        DeletionTasks tasks = new DeletionTasks(threads);
        try {
            for (int i = 0; i < units.size(); i++) {
                int slot = i;
                Unit<N> unit = units.get(slot);
                ExpandedDirectory<N> expansion = !expanding || !unit.parentSegments.isEmpty() ? null
                        : new ExpandedDirectory<>(run, slot, rootHandle, unit.relativePath, expansions,
                                tasks::submitFirst, outcome -> results[slot] = new Result(EntryKind.DIRECTORY, outcome));
                tasks.submitLast(() -> {
                    Result r = deleteUnit(run, rootHandle, unit, slot, expansion);
                    if (r == null || r.outcome != EntryOutcome.EXPANDED) {
                        // an expanded directory's result is set by whichever task finishes it
                        results[slot] = r;
                    }
                });
            }
            tasks.allSubmitted();
            awaitWithProgress(run, tasks);
        } finally {
            tasks.close();
        }
        ProgressListener listener = run.request.options().progress();
        if (listener != ProgressListener.NONE) {
            listener.progress(run.progress(true));
        }
        tasks.rethrowFailure();
        List<DeletedEntry> entries = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Result r = results[i];
            if (r != null && (r.outcome == EntryOutcome.REMOVED || r.outcome == EntryOutcome.LEFT)) {
                entries.add(new DeletedEntry(units.get(i).relativePath, r.kind, run.freed(i),
                        r.outcome == EntryOutcome.REMOVED));
            }
        }
        return new DeletionReport(root, run.dryRun(), entries, run.kept(), run.errors());
    }

    private static void awaitWithProgress(DeletionRun run, DeletionTasks tasks) {
        ProgressListener listener = run.request.options().progress();
        long interval = run.request.options().progressInterval().toNanos();
        boolean interrupted = false;
        while (true) {
            try {
                if (tasks.await(interval)) {
                    break;
                }
                if (listener != ProgressListener.NONE) {
                    listener.progress(run.progress(false));
                }
            } catch (InterruptedException e) {
                // finishing the entries already started is safer than leaving them half done
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Locates one requested entry below the root (never through a link) and deletes it, through
     * {@code expansion} (may be {@code null}) if it is a directory that may be expanded.
     */
    private Result deleteUnit(DeletionRun run, DirectoryHandle<N> rootHandle, Unit<N> unit, int slot,
                              ExpandedDirectory<N> expansion) {
        DirectoryHandle<N> parent = rootHandle;
        ProtectionTree node = run.protection;
        StringBuilder parentPath = new StringBuilder();
        boolean insideProtected = false;
        try {
            for (String segment : unit.parentSegments) {
                node = node == null ? null : node.child(segment);
                insideProtected |= node != null && node.isProtected();
                DirectoryHandle<N> next;
                try {
                    next = parent.openDirectory(parent.encode(segment));
                } catch (NoSuchFileException missing) {
                    return null;
                } catch (NotDirectoryException e) {
                    run.error(unit.relativePath, "cannot reach: '" + RelativePaths.join(parentPath.toString(), segment)
                            + "' is not a directory (or is a symbolic link, which is never followed)");
                    return null;
                } catch (IOException e) {
                    run.error(unit.relativePath, "cannot reach: " + IoMessages.reason(e));
                    return null;
                }
                if (parent != rootHandle) {
                    parent.close();
                }
                parent = next;
                parentPath.append(parentPath.isEmpty() ? "" : "/").append(segment);
            }
            EntryStat st = unit.stat;
            try {
                if (st == null) {
                    st = parent.stat(unit.name);
                }
            } catch (NoSuchFileException missing) {
                return null;
            } catch (IOException e) {
                run.error(unit.relativePath, "cannot stat: " + IoMessages.reason(e));
                return new Result(EntryKind.OTHER, EntryOutcome.LEFT);
            }
            if (insideProtected) {
                run.kept(unit.relativePath, st.kind(), "protected");
                return new Result(st.kind(), EntryOutcome.KEPT);
            }
            EntryOutcome outcome = new UnitWalker<N>(run, slot)
                    .delete(parent, unit.name, parentPath.toString(), node, st, expansion);
            return new Result(st.kind(), outcome);
        } finally {
            if (parent != rootHandle) {
                parent.close();
            }
        }
    }

    /** A requested entry: where it is (below the root) and, when listed, its attributes. */
    private record Unit<N>(List<String> parentSegments, N name, String relativePath, EntryStat stat) {
    }

    private record Result(EntryKind kind, EntryOutcome outcome) {
    }
}
