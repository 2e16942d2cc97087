package dev.cachectl.core.migrate;

import dev.cachectl.api.CacheRules;
import dev.cachectl.core.delete.InUse;
import dev.cachectl.core.delete.LockProbe;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what another process is using in a source, following the provider's {@link CacheRules}: a held
 * lock protects the entry {@code lockedEntry} names (for the hub, the whole repo); a partial download
 * modified within {@link InUse#GRACE} protects its hub repo (or itself outside a repo). Also lists the lock
 * files, which are never carried over.
 */
final class InUseScan {

    /**
     * What the scan found.
     *
     * @param refused   source-relative entry → why it must not be moved
     * @param lockFiles source-relative lock files with the entry each protects
     */
    record Result(Map<String, String> refused, Map<String, String> lockFiles) {
    }

    private InUseScan() {
    }

    static Result scan(MigrationSource source, LockProbe probe, Instant now) {
        CacheRules rules = source.cache().provider().rules();
        FileSystem fs = FileSystems.getDefault();
        List<PathMatcher> locks = rules.lockGlobs().stream().map(g -> fs.getPathMatcher("glob:" + g)).toList();
        List<PathMatcher> partials = rules.partialGlobs().stream().map(g -> fs.getPathMatcher("glob:" + g)).toList();
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, String> lockFiles = new LinkedHashMap<>();
        if (locks.isEmpty() && partials.isEmpty()) {
            return new Result(refused, lockFiles);
        }
        List<Path> tops = new ArrayList<>();
        try (var children = Files.list(source.root())) {
            children.filter(c -> source.includes(c.getFileName().toString())).sorted().forEach(tops::add);
        } catch (IOException e) {
            return new Result(refused, lockFiles);
        }
        // Walked through open folders, so entries deeper than PATH_MAX are seen too.
        Walk walk = new Walk(source, probe, now, locks, partials, refused, lockFiles);
        try (OpenFolder root = OpenFolder.open(source.root())) {
            for (Path top : tops) {
                String name = top.getFileName().toString();
                walk.visit(root, name, name);
            }
        } catch (IOException e) {
            // Nothing to add: the planner reports an unreadable part when it reaches it.
            assert e != null;
        }
        return new Result(refused, lockFiles);
    }

    private record Walk(MigrationSource source, LockProbe probe, Instant now, List<PathMatcher> locks,
                        List<PathMatcher> partials, Map<String, String> refused, Map<String, String> lockFiles) {

        void visit(OpenFolder folder, String name, String relative) {
            Path entry = folder.entry(name);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return;
            }
            if (attrs.isDirectory()) {
                try (OpenFolder child = folder.child(name)) {
                    for (String inside : child.names()) {
                        visit(child, inside, relative + "/" + inside);
                    }
                } catch (IOException e) {
                    // Unreadable: the planner refuses it when it gets there.
                    assert e != null;
                }
                return;
            }
            Path providerPath = Path.of(source.providerPath(relative));
            if (attrs.isRegularFile() && locks.stream().anyMatch(m -> m.matches(providerPath))) {
                String protectedEntry = lockedEntry(source, relative);
                lockFiles.put(relative, protectedEntry);
                switch (InUse.lockState(probe, entry)) {
                    case HELD -> refused.putIfAbsent(protectedEntry, "a download holds its lock (" + relative
                            + "); wait for it to finish, or use --force");
                    case UNKNOWN -> refused.putIfAbsent(protectedEntry, "cannot check its lock (" + relative
                            + "); make the lock file readable, or use --force");
                    case FREE -> { }
                }
            } else if (partials.stream().anyMatch(m -> m.matches(providerPath))
                    && InUse.stillDownloading(attrs.lastModifiedTime().toMillis(), now.toEpochMilli())) {
                long minutes = Duration.between(attrs.lastModifiedTime().toInstant(), now).toMinutes();
                refused.putIfAbsent(source.hub().entryProtectedBy(relative), "a download is in progress (" + relative
                        + ", modified " + Math.max(0, minutes) + " min ago); wait for it, or use --force");
            }
        }
    }

    private static String lockedEntry(MigrationSource source, String relative) {
        String providerEntry;
        try {
            providerEntry = source.cache().provider().lockedEntry(source.providerPath(relative));
        } catch (dev.cachectl.core.registry.ProviderCallException e) {
            // A provider that cannot say what its lock protects: protect the lock's own folder.
            int slash = relative.lastIndexOf('/');
            return slash < 0 ? "" : relative.substring(0, slash);
        }
        return source.sourcePath(providerEntry).orElse("");
    }
}
