package dev.cachectl.core.registry;

import dev.cachectl.core.json.CoreJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema a provider may ship for its own settings, the object at {@code cache.providers.<id>}: the
 * resource {@code META-INF/cachectl/providers/<id>.schema.json} in the provider's jar. {@code validate} applies
 * it to that section, with the same file, line and column reporting as the core schema.
 */
public final class ProviderSettingsSchema {

    /** The largest schema read; a settings schema is a few hundred bytes. */
    static final int MAX_BYTES = 256 * 1024;

    private ProviderSettingsSchema() {
    }

    /** The resource name of the settings schema of provider {@code id}. */
    public static String resourceName(String id) {
        return "META-INF/cachectl/providers/" + id + ".schema.json";
    }

    /**
     * The settings schema shipped beside {@code type} (in its module, or on its class path for an unnamed one),
     * read and checked to be a JSON object or boolean.
     *
     * @throws InvalidSchemaException when it is present but unreadable, too large or not a JSON schema document
     */
    static Optional<String> read(Class<?> type, String id) throws InvalidSchemaException {
        String name = resourceName(id);
        try (InputStream in = type.getModule().isNamed() ? type.getModule().getResourceAsStream(name)
                : type.getClassLoader() == null ? null : type.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidSchemaException(name + " is larger than " + MAX_BYTES + " bytes");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            JsonNode schema = CoreJson.mapper().readTree(text);
            if (schema == null || !(schema.isObject() || schema.isBoolean())) {
                throw new InvalidSchemaException(name + " must hold a JSON Schema (an object)");
            }
            return Optional.of(text);
        } catch (JacksonException e) {
            throw new InvalidSchemaException(name + " is not valid JSON: " + e.getOriginalMessage().lines()
                    .findFirst().orElse("") + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new InvalidSchemaException("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** A settings schema that is present but unusable. */
    static final class InvalidSchemaException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSchemaException(String message) {
            super(message);
        }
    }
}
