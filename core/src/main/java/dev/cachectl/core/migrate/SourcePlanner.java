package dev.cachectl.core.migrate;

import dev.cachectl.core.scan.TreeScanner;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.delete.LockProbe;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one source with its destination and decides, entry by entry, what happens: an entry the
 * destination lacks moves whole (one rename, or one staged copy); folders present on both sides are merged
 * entry by entry; an identical file is a duplicate; a different one is a conflict and both stay. Entries
 * in use, protected entries and lock files are refused, kept or discarded. Reads only; never changes a file.
 */
final class SourcePlanner {

    /** The one scanner, the same as {@code status}'s. */
    private static final TreeScanner SCANNER = TreeScanner.create();

    private final MigrationSource source;
    private final boolean copyMethod;
    private final Map<String, String> refused;
    private final InUseScan.Result inUse;
    private final List<PathMatcher> protectedMatchers;
    private final Set<String> protectedPaths;
    private final List<PlanItem> items = new ArrayList<>();
    private final List<String> pendingLocks = new ArrayList<>();
    private final List<String> merged = new ArrayList<>();

    private SourcePlanner(MigrationSource source, boolean copyMethod, Map<String, String> refused,
                          InUseScan.Result inUse) {
        this.source = source;
        this.copyMethod = copyMethod;
        this.refused = refused;
        this.inUse = inUse;
        this.protectedPaths = source.cache().provider().rules().protectedPaths();
        this.protectedMatchers = protectedPaths.stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    /** The plan for one source. */
    static PlannedSource plan(MigrationSource source, boolean copyMode, boolean force, LockProbe probe, Instant now) {
        Path destination = source.destination();
        boolean sameFileSystem = Devices.same(source.root(), Devices.nearestExisting(destination));
        InUseScan.Result inUse = InUseScan.scan(source, probe, now);
        Map<String, String> refused = force ? Map.of() : inUse.refused();
        SourcePlanner planner = new SourcePlanner(source, copyMode || !sameFileSystem, refused, inUse);
        for (Path child : planner.children(source.root(), "")) {
            String name = child.getFileName().toString();
            if (source.includes(name)) {
                planner.diff(name, child, destination.resolve(name));
            }
        }
        planner.planLocks();
        List<String> mergedDeepestFirst = planner.merged.stream()
                .sorted(Comparator.comparingInt((String p) -> p.split("/").length).reversed()).toList();
        return new PlannedSource(source.kind(), source.cache().id(), source.origin(), source.root(), destination,
                source.cache().directory(), sameFileSystem, source.removeRootWhenEmpty(), planner.items,
                mergedDeepestFirst, source.hub().repoFolderPatterns());
    }

    /**
     * What an entry that moves in one piece holds, measured by the one scanner (du's figures: hard-linked files
     * once, links never followed), reached through an open folder so any depth works; null when it cannot be
     * measured at all.
     */
    private static TreeUsage measure(Path entry) {
        try {
            return OpenFolder.at(entry, SCANNER::scan);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a copy carries everything: nothing unreadable, no socket, pipe or device inside. */
    private static boolean copyable(TreeUsage usage) {
        return usage.complete() && usage.others() == 0;
    }

    private void diff(String relative, Path src, Path dst) {
        if (inUse.lockFiles().containsKey(relative)) {
            pendingLocks.add(relative);
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = OpenFolder.at(src, p -> Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            add(PlanAction.REFUSED, relative, src, dst, 0, 0, "cannot read it: " + message(e));
            return;
        }
        String providerPath = source.providerPath(relative);
        if (protectedMatchers.stream().anyMatch(m -> m.matches(Path.of(providerPath)))) {
            add(PlanAction.KEPT, relative, src, dst, attrs.size(), 1, "protected (credentials): never moved");
            return;
        }
        String refusal = refusalFor(relative);
        if (refusal != null) {
            TreeUsage usage = attrs.isSymbolicLink() ? null : measure(src);
            add(PlanAction.REFUSED, relative, src, dst, usage == null ? 0 : usage.apparentBytes(),
                    usage == null ? 1 : usage.files() + usage.symlinks(), refusal);
            return;
        }
        if (attrs.isOther()) {
            add(PlanAction.REFUSED, relative, src, dst, 0, 0, "not a regular file, directory or symbolic link");
            return;
        }
        BasicFileAttributes existing = attributesOrNull(dst);
        PlanAction transfer = copyMethod ? PlanAction.COPY : PlanAction.MOVE;
        if (existing == null) {
            if (!attrs.isDirectory()) {
                add(transfer, relative, src, dst, attrs.isRegularFile() ? attrs.size() : 0, 1, "");
                return;
            }
            TreeUsage usage = somethingInside(relative) ? null : measure(src);
            if (usage == null || (copyMethod && !copyable(usage))) {
                recurse(relative, src, dst);
            } else {
                add(transfer, relative, src, dst, usage.apparentBytes(), usage.files() + usage.symlinks(), "");
            }
        } else if (attrs.isDirectory() && existing.isDirectory()) {
            recurse(relative, src, dst);
        } else if ((attrs.isRegularFile() && existing.isRegularFile())
                || (attrs.isSymbolicLink() && existing.isSymbolicLink())) {
            compare(relative, src, dst, attrs);
        } else {
            add(PlanAction.CONFLICT, relative, src, dst, attrs.size(), 1,
                    "a " + kind(attrs) + " here, a " + kind(existing) + " in the destination; both left alone");
        }
    }

    private void compare(String relative, Path src, Path dst, BasicFileAttributes attrs) {
        long bytes = attrs.isRegularFile() ? attrs.size() : 0;
        try {
            if (ContentComparison.same(src, dst)) {
                add(PlanAction.DUPLICATE, relative, src, dst, bytes, 1, "");
                return;
            }
        } catch (IOException e) {
            add(PlanAction.REFUSED, relative, src, dst, bytes, 1, "cannot compare with the destination: " + message(e));
            return;
        }
        add(PlanAction.CONFLICT, relative, src, dst, bytes, 1, conflictReason(relative, src, dst, attrs));
    }

    private String conflictReason(String relative, Path src, Path dst, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return "links to " + linkText(src) + " here, to " + linkText(dst) + " in the destination; both left alone";
        }
        if (source.hub().isRef(relative)) {
            return "ref " + HubLayout.refName(relative) + " points to " + HubLayout.readSmallText(dst).orElse("?")
                    + " in the destination and to " + HubLayout.readSmallText(src).orElse("?")
                    + " here; the destination's is kept (this revision's snapshot is still merged)";
        }
        return "differs from the destination file (" + attrs.size() + " bytes here, " + sizeOf(dst)
                + " there); both left alone";
    }

    private void recurse(String relative, Path src, Path dst) {
        merged.add(relative);
        for (Path child : children(src, relative)) {
            String name = child.getFileName().toString();
            diff(relative + "/" + name, child, dst.resolve(name));
        }
    }

    /** Lock files are never carried over: discarded once what they protect has moved, else kept. */
    private void planLocks() {
        for (String lock : pendingLocks) {
            String entry = inUse.lockFiles().get(lock);
            Path src = source.root().resolve(lock);
            Path dst = source.destination().resolve(lock);
            String top = entry.isEmpty() ? "" : entry.split("/")[0];
            boolean entryHeldBack = entry.isEmpty() || !source.includes(top) || inUse.refused().containsKey(entry)
                    || items.stream().anyMatch(i -> i.action().blocking() && within(i.path(), entry));
            if (entryHeldBack) {
                add(PlanAction.KEPT, lock, src, dst, 0, 1, inUse.refused().containsKey(entry)
                        ? "lock file in use or unreadable: left alone, never carried over"
                        : "lock file stays while " + (entry.isEmpty() ? "the cache" : entry) + " stays here");
            } else {
                add(PlanAction.DISCARD, lock, src, dst, 0, 1, "");
            }
        }
    }

    private static boolean within(String path, String entry) {
        return path.equals(entry) || path.startsWith(entry + "/") || entry.startsWith(path + "/");
    }

    /** The refusal covering {@code relative} itself (the whole source counts). */
    private String refusalFor(String relative) {
        for (Map.Entry<String, String> refusal : refused.entrySet()) {
            String entry = refusal.getKey();
            if (entry.isEmpty() || relative.equals(entry) || relative.startsWith(entry + "/")) {
                return refusal.getValue();
            }
        }
        return null;
    }

    /** Whether a refused, protected or lock entry lies inside folder {@code relative}. */
    private boolean somethingInside(String relative) {
        String prefix = relative + "/";
        String providerPrefix = source.providerPath(relative) + "/";
        return refused.keySet().stream().anyMatch(e -> e.startsWith(prefix))
                || inUse.lockFiles().keySet().stream().anyMatch(e -> e.startsWith(prefix))
                || protectedPaths.stream().anyMatch(p -> p.startsWith(providerPrefix));
    }

    private List<Path> children(Path folder, String relative) {
        String name = relative.contains("/") ? relative.substring(relative.lastIndexOf('/') + 1) : relative;
        // In a repo folder blobs go first and refs last; at the source root the shared blob store of
        // huggingface_hub 2.0 ({@code blobs/}, which repo blobs link into) goes first.
        Comparator<String> order = relative.isEmpty() || source.hub().isRepoFolder(name) ? HubLayout.repoPartOrder()
                : Comparator.naturalOrder();
        // Listed through an open folder: a merge reaches folders deeper than PATH_MAX too.
        try (OpenFolder open = OpenFolder.open(folder)) {
            return open.names().stream().sorted(order).map(folder::resolve).toList();
        } catch (IOException e) {
            add(PlanAction.REFUSED, relative, folder, source.destination().resolve(relative), 0, 0,
                    "cannot list it: " + message(e));
            return List.of();
        }
    }

    private void add(PlanAction action, String relative, Path src, Path dst, long bytes, long files, String reason) {
        items.add(new PlanItem(action, relative, src, dst, bytes, files, reason));
    }

    private static BasicFileAttributes attributesOrNull(Path path) {
        try {
            return OpenFolder.at(path, p -> Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return null;
        }
    }

    private static String kind(BasicFileAttributes attrs) {
        return attrs.isDirectory() ? "directory" : attrs.isSymbolicLink() ? "symbolic link"
                : attrs.isRegularFile() ? "file" : "special file";
    }

    private static String linkText(Path link) {
        try {
            return OpenFolder.at(link, Files::readSymbolicLink).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String sizeOf(Path file) {
        BasicFileAttributes attrs = attributesOrNull(file);
        return attrs == null ? "?" : Long.toString(attrs.size());
    }

    static String message(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                ? fse.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }
}
