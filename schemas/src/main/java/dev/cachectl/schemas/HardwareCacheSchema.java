package dev.cachectl.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of {@code config/hardware_cache.json}. The resource is read from inside
 * this module, so callers need no {@code opens} and no class loader tricks.
 */
public final class HardwareCacheSchema {

    /** The schema's {@code $id}. */
    public static final String ID = "https://cachectl.dev/schemas/hardware_cache.schema.json";

    private static final String RESOURCE = "hardware_cache.schema.json";

    private HardwareCacheSchema() {
    }

    /** Opens the schema; the caller closes the stream. */
    public static InputStream open() {
        InputStream in = HardwareCacheSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the schema resource " + RESOURCE + " is missing from "
                    + HardwareCacheSchema.class.getModule());
        }
        return in;
    }

    /** The schema as text. */
    public static String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in schema", e);
        }
    }
}
