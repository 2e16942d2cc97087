package dev.cachectl.core.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code status} was asked for.
 *
 * @param providerIds      only these providers (in the order given); empty for every provider and the legacy
 *                         caches
 * @param details          whether to ask each provider for its own view ({@code --details})
 * @param workingDirectory where the command runs: relative paths in the environment resolve against it
 */
public record StatusRequest(List<String> providerIds, boolean details, Path workingDirectory) {

    /** Copies the list. */
    public StatusRequest {
        providerIds = List.copyOf(providerIds);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }
}
