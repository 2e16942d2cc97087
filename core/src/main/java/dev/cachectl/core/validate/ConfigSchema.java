package dev.cachectl.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.cachectl.core.json.CoreJson;
import dev.cachectl.schemas.HardwareCacheSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of {@code config/hardware_cache.json} (draft 2020-12), compiled once with networknt.
 * The schema text is read from {@link HardwareCacheSchema#open()} and handed over as a string: networknt's
 * own {@code classpath:} loading cannot see a resource inside another named module.
 */
public final class ConfigSchema {

    private ConfigSchema() {
    }

    /** The schema text, as shipped: for {@code cachectl schema}, editors and other CI tools. */
    public static String text() {
        return HardwareCacheSchema.text();
    }

    /** The schema's {@code $id}. */
    public static String id() {
        return HardwareCacheSchema.ID;
    }

    /** The schema's errors for a whole config document, in networknt's order. */
    static List<Error> validate(JsonNode document) {
        return Compiled.SCHEMA.validate(document);
    }

    /** The schema document itself, for looking up the names a keyword allows. */
    static JsonNode node() {
        return Compiled.SCHEMA.getSchemaNode();
    }

    /** Compiled on first use, so {@code --help} and {@code --version} never pay for it. */
    private static final class Compiled {
        static final Schema SCHEMA = SchemaCompiler.compile(HardwareCacheSchema.ID, read());

        private static JsonNode read() {
            try (InputStream in = HardwareCacheSchema.open()) {
                // Parsed by core's own mapper, so the validator never builds a second one.
                return CoreJson.mapper().readTree(in);
            } catch (IOException | JacksonException e) {
                throw new IllegalStateException("cannot read the built-in config schema", e);
            }
        }
    }
}
