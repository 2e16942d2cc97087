package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import java.util.Objects;

/**
 * One thing {@code doctor} found.
 *
 * @param check    which check found it: {@code config}, {@code providers}, {@code directories},
 *                 {@code gitignore} or {@code caches}
 * @param code     a stable code, documented in docs/error-codes.md
 * @param severity how serious; any {@link Severity#ERROR} makes doctor exit 1
 * @param message  what is wrong, one line
 * @param fix      how to fix it, one line (a command where one exists); empty when nothing needs doing
 */
public record DoctorFinding(String check, String code, Severity severity, String message, String fix) {

    /** Validates the fields. */
    public DoctorFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
