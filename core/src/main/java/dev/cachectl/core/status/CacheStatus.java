package dev.cachectl.core.status;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.core.scan.TreeUsage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code status}: a provider's cache, or a legacy cache folder.
 *
 * @param group      model, application or legacy
 * @param providerId the provider's id; empty for a legacy cache
 * @param name       the provider's display name, or {@code legacy cache}
 * @param path       absolute, normalised directory
 * @param configured the path as configured (or defaulted), e.g. {@code .cache/torch}
 * @param exists     whether the directory exists
 * @param usage      what it holds, measured like du ({@link TreeUsage#EMPTY} when missing)
 * @param details    the provider's own view, when asked for with {@code --details} and the directory exists
 * @param realPath   where the directory really is, when symbolic links on the way make it differ from
 *                   {@code path}
 */
public record CacheStatus(StatusGroup group, Optional<String> providerId, String name, Path path, String configured,
                          boolean exists, TreeUsage usage, Optional<CacheDetails> details, Optional<Path> realPath) {

    /** Validates the fields. */
    public CacheStatus {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(realPath, "realPath");
    }

    /** Where {@code dir} really is, when links make that differ from its normalised absolute form. */
    public static Optional<Path> realPathOf(Path dir) {
        try {
            Path real = dir.toRealPath();
            return real.equals(dir.toAbsolutePath().normalize()) ? Optional.empty() : Optional.of(real);
        } catch (java.io.IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
