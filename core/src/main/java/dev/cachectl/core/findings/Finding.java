package dev.cachectl.core.findings;

import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.Severity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a check or a provider found, carried unchanged to every output: {@code status} lists it among its
 * warnings, {@code doctor} among its findings, both in text and JSON. The severity is the finder's own, so a
 * provider's {@link Severity#INFO} stays information and its {@link Severity#ERROR} fails {@code doctor}.
 *
 * @param check    the check that found it: {@code config}, {@code providers}, {@code gitignore}, {@code caches},
 *                 {@code environment}, {@code outside}
 * @param code     a stable code, documented in docs/error-codes.md (or by the provider that raised it)
 * @param severity how serious it is
 * @param message  what is wrong, one line
 * @param fix      how to fix it, one line (a command where one exists); empty when nothing needs doing
 * @param provider the provider whose cache it is about (or that raised it); empty when none
 * @param path     the file or directory it is about, absolute; empty when none
 * @param byProvider whether {@code provider} itself raised it (its {@code inspect()}), rather than cachectl
 */
public record Finding(String check, String code, Severity severity, String message, String fix,
                      Optional<String> provider, Optional<Path> path, boolean byProvider) {

    /** Validates the fields. */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(path, "path");
    }

    /** A finding about no provider and no path in particular. */
    public static Finding of(String check, String code, Severity severity, String message, String fix) {
        return new Finding(check, code, severity, message, fix, Optional.empty(), Optional.empty(), false);
    }

    /**
     * What provider {@code providerId} said about its cache in {@code cacheDirectory}, as it said it: its
     * path, relative to the cache, becomes absolute. A path that would leave the cache (absolute, or climbing
     * out with {@code ..}) names nothing the provider may speak about and is left out.
     */
    public static Finding fromProvider(String check, String providerId, Path cacheDirectory, CacheFinding finding) {
        Optional<Path> path = Optional.empty();
        if (!finding.path().isEmpty()) {
            try {
                Path relative = Path.of(finding.path());
                Path resolved = cacheDirectory.resolve(relative).normalize();
                path = relative.isAbsolute() || !resolved.startsWith(cacheDirectory.normalize()) ? Optional.empty()
                        : Optional.of(resolved);
            } catch (InvalidPathException e) {
                path = Optional.empty();
            }
        }
        return new Finding(check, finding.code(), finding.severity(), finding.message(), finding.fix(),
                Optional.of(providerId), path, true);
    }

    /** This finding about provider {@code id}'s cache. */
    public Finding about(String id) {
        return new Finding(check, code, severity, message, fix, Optional.of(id), path, byProvider);
    }

    /** This finding about {@code location}. */
    public Finding at(Path location) {
        return new Finding(check, code, severity, message, fix, provider, Optional.of(location), byProvider);
    }

    /** This finding as found by {@code otherCheck}. */
    public Finding inCheck(String otherCheck) {
        return new Finding(otherCheck, code, severity, message, fix, provider, path, byProvider);
    }
}
