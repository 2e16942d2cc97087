package dev.cachectl.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
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
        static final Schema SCHEMA = compile(read());

        private static JsonNode read() {
            try (InputStream in = HardwareCacheSchema.open()) {
                // Parsed by core's own mapper, so the validator never builds a second one.
                return CoreJson.mapper().readTree(in);
            } catch (IOException | JacksonException e) {
                throw new IllegalStateException("cannot read the built-in config schema", e);
            }
        }

        private static Schema compile(JsonNode document) {
            // Instance locations as JSON pointers, the form ConfigProblem reports; formats asserted, not
            // just annotated (draft 2020-12 only annotates them by default).
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config));
            Schema schema = registry.getSchema(SchemaLocation.of(HardwareCacheSchema.ID), document);
            schema.initializeValidators();
            return schema;
        }
    }
}
