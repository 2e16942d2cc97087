package dev.cachectl.core.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A provider, or a plugin jar, that could not be used, reported instead of stopping the run.
 *
 * @param id     the provider's id; its class name when the id is unknown; the jar's file name when the whole
 *               jar failed before any provider could be created
 * @param origin where it came from
 * @param code   a stable code documented in docs/error-codes.md, e.g. {@code PLUGIN_UNRESOLVED}
 * @param reason what went wrong and how to fix it, one line
 */
public record ProviderFailure(String id, ProviderOrigin origin, String code, String reason) {

    /** Validates the fields. */
    public ProviderFailure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /** A failure of a whole plugin jar (or plugin folder), named by its file name. */
    public static ProviderFailure ofJar(Path jar, String module, String code, String reason) {
        return new ProviderFailure(jar.getFileName().toString(), new ProviderOrigin(module, ProviderOrigin.PLUGIN_LAYER,
                jar.toString()), code, reason);
    }

    /**
     * What failed, for a diagnostic line: {@code plugin /p/x.jar} for a whole jar, else
     * {@code provider 'id' (built-in)} or {@code provider 'id' (/p/x.jar)}.
     */
    public String subject() {
        boolean wholeJar = !origin.jar().isEmpty() && Path.of(origin.jar()).getFileName().toString().equals(id);
        return wholeJar ? "plugin " + origin.jar() : "provider '" + id + "' (" + origin.source() + ")";
    }
}
