package dev.cachectl.core.clear;

import dev.cachectl.core.delete.InUse;
import dev.cachectl.core.delete.LockProbe;
import dev.cachectl.core.delete.LockState;
import dev.cachectl.core.registry.RegisteredProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the lock files of a cache (the provider's lock globs) that another process holds, and maps each to
 * the entry it protects ({@link RegisteredProvider#lockedEntry}). Only the folders the globs can match are
 * walked, without following links.
 */
final class HeldLocks {

    private HeldLocks() {
    }

    /** Protected entry → lock file, both relative to {@code directory}, for every held lock. */
    static Map<String, String> find(Path directory, RegisteredProvider provider, LockProbe probe) {
        Map<String, String> held = new LinkedHashMap<>();
        for (String glob : provider.rules().lockGlobs()) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Path base = directory.resolve(fixedPrefix(glob));
            if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(lock -> {
                    String relative = relative(directory, lock);
                    if (matcher.matches(Path.of(relative)) && held(probe, lock)) {
                        held.put(relative, relative);
                        held.putIfAbsent(provider.lockedEntry(relative), relative);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // An unreadable lock folder hides nothing we could delete safely: the deletion reports it.
                continue;
            }
        }
        return held;
    }

    /** Held, or cannot tell (keeping is the safe mistake); not held once its owner has removed it. */
    private static boolean held(LockProbe probe, Path lock) {
        return InUse.lockState(probe, lock) != LockState.FREE;
    }

    /** The leading segments of a glob that contain no wildcard, e.g. {@code hub/.locks} of {@code hub/.locks/**}. */
    static String fixedPrefix(String glob) {
        List<String> segments = List.of(glob.split("/"));
        StringBuilder prefix = new StringBuilder();
        for (String segment : segments.subList(0, segments.size() - 1)) {
            if (segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                break;
            }
            prefix.append(prefix.isEmpty() ? "" : "/").append(segment);
        }
        return prefix.toString();
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
