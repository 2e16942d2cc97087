package dev.cachectl.core.migrate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked {@code migrate} for.
 *
 * @param providers provider ids to migrate; empty for all
 * @param from      one folder to migrate instead of the usual sources (then exactly one provider)
 * @param copy      keep the sources ({@code --copy})
 * @param force     move entries in use anyway ({@code --force})
 * @param now       the current time, for "recently modified" partial downloads
 */
public record MigrationRequest(List<String> providers, Optional<Path> from, boolean copy, boolean force,
                               Instant now) {

    /** Validates and copies. */
    public MigrationRequest {
        providers = List.copyOf(providers);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(now, "now");
    }
}
