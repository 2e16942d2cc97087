package dev.cachectl.core.migrate;

import dev.cachectl.api.EntryKind;
import dev.cachectl.core.delete.DeletionCandidate;
import dev.cachectl.core.delete.DeletionError;
import dev.cachectl.core.delete.DeletionReport;
import dev.cachectl.core.delete.DeletionRequest;
import dev.cachectl.core.delete.KeepRule;
import dev.cachectl.core.delete.KeptEntry;
import dev.cachectl.core.delete.PinnedDirectory;
import dev.cachectl.core.delete.TreeDeleter;
import dev.cachectl.core.fs.internal.FileIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Removes migrated entries from a source with the one deleter ({@link TreeDeleter}, the same as {@code clear}'s):
 * relative to the source folder pinned when the first entry is removed, never following a link, not crossing a
 * mount point, any depth, and never falling back to path-based removal. An entry is removed only while it is
 * still exactly what was migrated (same object, kind, size and modification time, checked by a {@link KeepRule}
 * just before it goes); anything changed or new is left and reported.
 */
final class SourceRemover {

    private static final TreeDeleter DELETER = TreeDeleter.create();
    private static final String CHANGED = "changed during the migration";

    private final Path root;
    private final List<String> leftBehind = new ArrayList<>();
    private PinnedDirectory pinned;

    /** A remover for entries below {@code root} (the source folder), pinned when the first entry goes. */
    SourceRemover(Path root) {
        this(root, Optional.empty());
    }

    /** A remover for entries below {@code root}, as {@code pinned} (when the migration locked it). */
    SourceRemover(Path root, Optional<PinnedDirectory> pinned) {
        this.root = root;
        this.pinned = pinned.orElse(null);
    }

    /**
     * Removes the folder {@code directory} itself when it is empty (a source emptied by its migration), with the
     * one deleter from its parent: a link or file put in its place, or anything inside, keeps it.
     *
     * @return whether it was removed
     */
    static boolean removeIfEmpty(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            return false;
        }
        String name = absolute.getFileName().toString();
        KeepRule onlyTheEmptyFolder = c -> c.relativePath().equals(name) && c.kind() == EntryKind.DIRECTORY
                ? Optional.empty() : Optional.of("not empty");
        DeletionReport report = DELETER.deleteEntries(absolute.getParent(), List.of(name),
                DeletionRequest.real().withKeepRule(onlyTheEmptyFolder));
        return report.kept().isEmpty() && report.errors().isEmpty() && !report.entries().isEmpty();
    }

    /** Source-relative entries that were not removed because they changed or could not be removed. */
    List<String> leftBehind() {
        return List.copyOf(leftBehind);
    }

    /** Removes one file or link at {@code relative} if {@code unchanged} accepts it as it is now. */
    boolean removeFile(String relative, Predicate<DeletionCandidate> unchanged) throws IOException {
        DeletionReport report = delete(relative, c -> c.kind() != EntryKind.DIRECTORY && unchanged.test(c));
        report.kept().forEach(k -> leftBehind.add(k.relativePath()));
        return report.kept().isEmpty();
    }

    /** Removes the folder at {@code relative} when it is empty; true when it is gone. */
    boolean removeEmptyDirectory(String relative) throws IOException {
        // Anything inside keeps the folder; so does a link or file put in its place.
        DeletionReport report = delete(relative, c -> c.relativePath().equals(relative) && c.kind() == EntryKind.DIRECTORY);
        return report.kept().isEmpty();
    }

    /**
     * Removes a copied tree at {@code relative}: each entry of {@code copied} (keyed by its path inside the tree,
     * {@code ""} for the tree itself) that is unchanged, then the folders that are left empty.
     */
    void removeCopied(String relative, Map<String, TreeCopier.Entry> copied) throws IOException {
        if (!copied.containsKey("")) {
            return;
        }
        DeletionReport report = delete(relative, c -> {
            String inside = c.relativePath().equals(relative) ? "" : c.relativePath().substring(relative.length() + 1);
            TreeCopier.Entry entry = copied.get(inside);
            return entry != null && matches(entry, c);
        });
        report.kept().stream().map(KeptEntry::relativePath).forEach(leftBehind::add);
    }

    /** Whether a source entry is still what was copied. */
    static boolean matches(TreeCopier.Entry entry, DeletionCandidate now) {
        EntryKind kind = entry.directory() ? EntryKind.DIRECTORY : entry.link() ? EntryKind.SYMLINK : EntryKind.FILE;
        return now.kind() == kind && (entry.directory() || now.size() == entry.size())
                && (entry.directory() || now.modifiedMillis() == entry.modified().toMillis())
                && sameObject(entry.fileKey(), now);
    }

    /** Whether {@code now} is the object whose NIO {@code fileKey} was recorded (unknown identities never match). */
    static boolean sameObject(Object recordedFileKey, DeletionCandidate now) {
        Object recorded = FileIdentity.ofKey(recordedFileKey);
        return recorded != null && Objects.equals(recorded, now.identity());
    }

    /** Deletes {@code relative} below the pinned source, keeping (with what is below) whatever {@code deletable} refuses. */
    private DeletionReport delete(String relative, Predicate<DeletionCandidate> deletable) throws IOException {
        if (pinned == null) {
            pinned = DELETER.pin(root);
        }
        KeepRule rule = c -> deletable.test(c) ? Optional.empty() : Optional.of(CHANGED);
        DeletionReport report = DELETER.deleteEntries(pinned, List.of(relative),
                DeletionRequest.real().withKeepRule(rule));
        if (!report.errors().isEmpty()) {
            DeletionError first = report.errors().getFirst();
            throw new IOException("cannot remove " + root.resolve(first.relativePath()) + ": " + first.message());
        }
        return report;
    }
}
