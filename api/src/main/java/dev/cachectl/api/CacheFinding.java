package dev.cachectl.api;

import java.util.Objects;

/**
 * Something a provider noticed in its cache, shown by {@code status} and {@code doctor} with its severity and
 * fix as given: an {@link Severity#ERROR} makes {@code doctor} exit 1, an {@link Severity#INFO} stays
 * information.
 *
 * @param code     a stable upper-case code, e.g. {@code HF_TRANSFORMERS_LAYOUT}; documented by the provider
 * @param severity how serious it is
 * @param message  what is wrong, one line
 * @param fix      how to fix it, one line (a command where one exists); empty when nothing needs doing
 * @param path     the entry it is about, relative to the cache directory with {@code /} separators (e.g.
 *                 {@code hub/models--org--name}); empty for the cache as a whole
 */
public record CacheFinding(String code, Severity severity, String message, String fix, String path) {

    /** Validates the fields. */
    public CacheFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(path, "path");
    }

    /** A finding about the cache as a whole (no {@link #path()}). */
    public CacheFinding(String code, Severity severity, String message, String fix) {
        this(code, severity, message, fix, "");
    }
}
