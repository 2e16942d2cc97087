package dev.cachectl.core.migrate;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.delete.InUse;
import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.delete.LockState;
import dev.cachectl.core.fs.linux.PosixFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The three phases of {@link MigrationExecutor} for the entries of one top-level unit of a source (one hub
 * repo, say): place or stage, publish, remove. Every source removal waits until everything of the unit is
 * in place, so an interrupted unit leaves its source complete or its destination complete.
 */
final class UnitMigration {

    /** Where an entry stands. */
    record Status(ItemOutcome outcome, String message) {
        static final Status DONE = new Status(ItemOutcome.DONE, "");
    }

    private record Staged(Path path, TreeCopier.CopiedTree tree) {
    }

    private static final String APPEARED = "appeared in the destination during the migration; the source stays";

    private final boolean keepSources;
    private final List<PlanItem> items;
    private final DestinationWorkArea area;
    private final SourceRemover remover;
    private final MigrationExecutor.StepPause pause;
    private final LockProbe probe;
    private final HubLayout hub;
    private final Map<PlanItem, Staged> staged = new LinkedHashMap<>();
    private final Map<PlanItem, Status> status = new LinkedHashMap<>();
    private final List<PlanItem> toRemove = new ArrayList<>();

    UnitMigration(boolean keepSources, List<PlanItem> items, DestinationWorkArea area,
                  SourceRemover remover, MigrationExecutor.StepPause pause, LockProbe probe, HubLayout hub) {
        this.keepSources = keepSources;
        this.items = items;
        this.area = area;
        this.remover = remover;
        this.pause = pause;
        this.probe = probe;
        this.hub = hub;
    }

    /** Runs the phases and reports every entry's outcome, in plan order. */
    void run(BiConsumer<PlanItem, Status> report) {
        for (PlanItem item : items) {
            switch (item.action()) {
                case MOVE -> place(item);
                case COPY -> stage(item);
                case DUPLICATE -> {
                    rememberLinkedDuplicate(item);
                    toRemove.add(item);
                }
                case DISCARD -> toRemove.add(item);
                case CONFLICT, REFUSED, KEPT -> status.put(item, new Status(ItemOutcome.LEFT, item.reason()));
            }
        }
        publish();
        if (!keepSources) {
            List.copyOf(toRemove).forEach(this::remove);
        } else {
            toRemove.stream().filter(i -> i.action() == PlanAction.DUPLICATE)
                    .forEach(i -> status.put(i, new Status(ItemOutcome.DONE, "already in the destination")));
            toRemove.stream().filter(i -> i.action() == PlanAction.DISCARD)
                    .forEach(i -> status.put(i, new Status(ItemOutcome.LEFT, "kept with --copy")));
        }
        for (PlanItem item : items) {
            report.accept(item, status.getOrDefault(item, Status.DONE));
        }
    }

    /**
     * A multiply-linked source file already in the destination (published by an interrupted run, say): its
     * other names, copied later, are linked to that copy so the links survive the interruption.
     */
    private void rememberLinkedDuplicate(PlanItem item) {
        try {
            Optional<HardLinkMap.Identity> identity = OpenFolder.at(item.source(), HardLinkMap::identityOf);
            BasicFileAttributes attrs = attributes(item.source());
            if (identity.isEmpty() || identity.get().links() < 2 || attrs.isSymbolicLink()) {
                return;
            }
            long crc = OpenFolder.at(item.destination(), p -> FileHashes.of(p, HubLayout.BlobHash.NONE)).crc32c();
            area.links().put(identity.get().key(), new HardLinkMap.Copy(item.destination(), attrs.size(),
                    attrs.lastModifiedTime().toMillis(), crc));
        } catch (IOException e) {
            // Only the hard link is at stake: the other names are then copied as files of their own.
            assert e != null;
        }
    }

    private void fail(PlanItem item, ItemOutcome outcome, String message) {
        status.put(item, new Status(outcome, message));
        toRemove.remove(item);
    }

    /** Same file system: a folder is renamed, a file or link is hard-linked now and unlinked in phase 3. */
    private void place(PlanItem item) {
        pause.pause();
        try {
            createParent(item.destination());
            if (!attributes(item.source()).isDirectory()) {
                try {
                    OpenFolder.at(item.destination(), to -> OpenFolder.at(item.source(), from -> Files.createLink(to, from)));
                    toRemove.add(item);
                    return;
                } catch (FileAlreadyExistsException e) {
                    fail(item, ItemOutcome.CONFLICT, APPEARED);
                    return;
                } catch (IOException | UnsupportedOperationException e) {
                    // No hard links here (permissions, file system): an atomic rename does the same job.
                    assert e != null;
                }
            }
            switch (rename(item.source(), item.destination())) {
                case DONE -> status.put(item, Status.DONE);
                case TARGET_EXISTS -> fail(item, ItemOutcome.CONFLICT, APPEARED);
                case CROSS_DEVICE -> stage(item);
                case UNSUPPORTED -> {
                    if (Files.exists(item.destination(), LinkOption.NOFOLLOW_LINKS)) {
                        fail(item, ItemOutcome.CONFLICT, APPEARED);
                    } else {
                        Files.move(item.source(), item.destination(), StandardCopyOption.ATOMIC_MOVE);
                        status.put(item, Status.DONE);
                    }
                }
            }
        } catch (IOException e) {
            fail(item, ItemOutcome.FAILED, "cannot move it: " + SourcePlanner.message(e) + "; the source is unchanged");
        }
    }

    /** Copies the entry into staging on the destination's file system. */
    private void stage(PlanItem item) {
        Path staging = null;
        try {
            staging = area.stagingFor(item.destination());
            TreeCopier copier = new TreeCopier(area.links(), !PosixFiles.available(), pause::pause);
            staged.put(item, new Staged(staging, copier.copy(item.source(), staging, item.destination())));
        } catch (IOException | RuntimeException e) {
            discard(staging);
            fail(item, ItemOutcome.FAILED, "cannot copy it: " + (e instanceof IOException io
                    ? SourcePlanner.message(io) : e.toString()) + "; the source is unchanged");
        }
    }

    /** Flushes, verifies and renames every staged copy into place, in plan order (blobs before snapshots). */
    private void publish() {
        if (staged.isEmpty()) {
            return;
        }
        staged.values().stream().map(s -> s.path().getParent()).distinct().forEach(folder -> {
            if (!PosixFiles.syncFileSystem(folder)) {
                DestinationWorkArea.forceTree(folder);
            }
        });
        for (Map.Entry<PlanItem, Staged> entry : staged.entrySet()) {
            PlanItem item = entry.getKey();
            Staged copy = entry.getValue();
            pause.pause();
            try {
                Optional<String> mismatch = TreeCopier.verify(copy.tree(), item.destination(), hub);
                if (mismatch.isPresent()) {
                    discard(copy.path());
                    fail(item, ItemOutcome.FAILED, "verification failed: " + mismatch.get());
                    continue;
                }
                createParent(item.destination());
                boolean placed = switch (rename(copy.path(), item.destination())) {
                    case DONE -> true;
                    case TARGET_EXISTS -> false;
                    case CROSS_DEVICE -> throw new IOException("staging is on another file system than "
                            + item.destination());
                    case UNSUPPORTED -> portableRename(copy.path(), item.destination());
                };
                if (placed) {
                    published(item, copy);
                } else {
                    discard(copy.path());
                    fail(item, ItemOutcome.CONFLICT, APPEARED);
                }
            } catch (IOException e) {
                discard(copy.path());
                fail(item, ItemOutcome.FAILED, "cannot publish the copy: " + SourcePlanner.message(e));
            }
        }
        try {
            area.journal().sync();
        } catch (IOException e) {
            // The journal only speeds up recovery; a rerun recomputes everything from the disk.
            assert e != null;
        }
    }

    /** Creates an entry's parent folder when missing (reached through its own parent when deeper than PATH_MAX). */
    private static void createParent(Path destination) throws IOException {
        OpenFolder.at(destination.getParent(), Files::createDirectories);
    }

    /** {@link PosixFiles#renameNoReplace} between paths of any depth. */
    private static PosixFiles.RenameResult rename(Path from, Path to) throws IOException {
        return OpenFolder.at(from, shortFrom -> OpenFolder.at(to, shortTo -> PosixFiles.renameNoReplace(shortFrom,
                shortTo)));
    }

    private static boolean portableRename(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private void published(PlanItem item, Staged copy) throws IOException {
        OpenFolder.at(item.destination().getParent(), folder -> {
            DestinationWorkArea.syncDirectory(folder);
            return null;
        });
        area.links().moved(copy.path(), item.destination());
        area.journal().append(false, "published", "staging", copy.path().toString(), "final",
                item.destination().toString());
        for (var link : area.links().within(item.destination()).entrySet()) {
            area.journal().append(false, "link", "key", link.getKey(), "path", link.getValue().path().toString(),
                    "length", Long.toString(link.getValue().length()), "modified",
                    Long.toString(link.getValue().modified()), "crc32c", Long.toString(link.getValue().crc32c()));
        }
        toRemove.add(item);
    }

    /** Phase 3: removes one migrated source entry, only while it is still what was migrated. */
    private void remove(PlanItem item) {
        pause.pause();
        int before = remover.leftBehind().size();
        try {
            if (staged.containsKey(item)) {
                Map<String, TreeCopier.Entry> entries = new LinkedHashMap<>();
                staged.get(item).tree().entries().forEach(e -> entries.put(e.relative(), e));
                remover.removeCopied(item.path(), entries);
            } else if (item.action() == PlanAction.MOVE) {
                Object key = fileKey(item.destination());
                remover.removeFile(item.path(), now -> SourceRemover.sameObject(key, now));
            } else if (item.action() == PlanAction.DUPLICATE) {
                removeDuplicate(item);
            } else if (item.action() == PlanAction.DISCARD) {
                if (InUse.lockState(probe, item.source()) != LockState.FREE) {
                    fail(item, ItemOutcome.CONFLICT, "the lock was taken by another process meanwhile; left alone");
                    return;
                }
                remover.removeFile(item.path(), now -> now.kind() == EntryKind.FILE);
            }
        } catch (IOException e) {
            status.put(item, new Status(ItemOutcome.INCOMPLETE, "in the destination, but the source could not be "
                    + "removed: " + SourcePlanner.message(e)));
            return;
        }
        List<String> left = remover.leftBehind().subList(before, remover.leftBehind().size());
        if (!left.isEmpty()) {
            status.put(item, new Status(ItemOutcome.INCOMPLETE, "changed during the migration, left in the source: "
                    + String.join(", ", left.subList(0, Math.min(5, left.size())))
                    + (left.size() > 5 ? " and " + (left.size() - 5) + " more" : "")));
        }
    }

    private void removeDuplicate(PlanItem item) throws IOException {
        BasicFileAttributes attrs = attributes(item.source());
        if (!ContentComparison.same(item.source(), item.destination())) {
            fail(item, ItemOutcome.CONFLICT, "no longer identical to the destination; both left alone");
            return;
        }
        remover.removeFile(item.path(), now -> (now.kind() == EntryKind.SYMLINK) == attrs.isSymbolicLink()
                && now.size() == attrs.size() && now.modifiedMillis() == attrs.lastModifiedTime().toMillis()
                && SourceRemover.sameObject(attrs.fileKey(), now));
    }

    private void discard(Path staging) {
        if (staging == null) {
            return;
        }
        try {
            area.discard(staging);
        } catch (IOException e) {
            // Left in staging: the next run's recovery removes it.
            assert e != null;
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return attributes(path).fileKey();
    }

    /** An entry's attributes, not following a link; a path deeper than PATH_MAX is read through its folder. */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        return OpenFolder.at(path, p -> Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }
}
