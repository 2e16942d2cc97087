package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a migration plan: a file, link or whole directory of a source and what happens to it.
 *
 * @param action      what happens
 * @param path        the entry relative to the source root, with {@code /} separators
 * @param source      the absolute source path
 * @param destination the absolute destination path
 * @param bytes       apparent bytes as {@code du -s -b} counts them (each hard-linked file once): a file's size,
 *                    or everything in a folder that moves in one piece, the folders themselves included
 * @param files       regular files and symbolic links in the entry
 * @param reason      why, for conflicts, refusals and kept entries; empty otherwise
 */
public record PlanItem(PlanAction action, String path, Path source, Path destination, long bytes, long files,
                       String reason) {

    /** Validates the fields. */
    public PlanItem {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(reason, "reason");
    }

    /** The top-level entry of the source this item belongs to (a hub repo folder, {@code hub}, ...). */
    public String unit() {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
