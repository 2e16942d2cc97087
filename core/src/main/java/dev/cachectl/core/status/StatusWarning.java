package dev.cachectl.core.status;

import java.util.Objects;

/**
 * Something {@code status} wants the user to know. Warnings never fail {@code status}.
 *
 * @param code    a stable code documented in docs/error-codes.md, e.g. {@code LEGACY_CACHE_NOT_EMPTY}, or a
 *                provider's finding code
 * @param message what is wrong and how to fix it, one line
 */
public record StatusWarning(String code, String message) {

    /** Validates the fields. */
    public StatusWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
