package dev.cachectl.api;

import java.util.Objects;

/**
 * Something a provider noticed in its cache, shown by {@code status} and {@code doctor}.
 *
 * @param code     a stable upper-case code, e.g. {@code HF_TRANSFORMERS_LAYOUT}; documented by the provider
 * @param severity how serious it is
 * @param message  what is wrong, one line
 * @param fix      how to fix it, one line (a command where one exists); empty when nothing needs doing
 */
public record CacheFinding(String code, Severity severity, String message, String fix) {

    /** Validates the fields. */
    public CacheFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
