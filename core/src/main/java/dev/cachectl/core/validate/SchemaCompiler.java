package dev.cachectl.core.validate;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the JSON Schemas cachectl validates with, the built-in config schema and the providers' settings
 * schemas alike: draft 2020-12 unless a schema says otherwise; instance locations as JSON pointers, the form
 * {@code ConfigProblem} reports; formats asserted, not just annotated (2020-12 only annotates them by default);
 * nothing fetched from the network.
 */
final class SchemaCompiler {

    private SchemaCompiler() {
    }

    /** The compiled schema {@code document}, known by {@code location}, its validators initialised. */
    static Schema compile(String location, JsonNode document) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        Schema schema = registry.getSchema(SchemaLocation.of(location), document);
        schema.initializeValidators();
        return schema;
    }
}
