package dev.cachectl.core.env;

import java.util.Objects;

/**
 * Something that kept a provider's variables (or some of them) out of the environment; reported on stderr
 * while the other providers' variables are still used.
 *
 * @param providerId the provider concerned
 * @param message    what happened and how to fix it, one line
 */
public record EnvironmentProblem(String providerId, String message) {

    /** Validates the fields. */
    public EnvironmentProblem {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(message, "message");
    }
}
