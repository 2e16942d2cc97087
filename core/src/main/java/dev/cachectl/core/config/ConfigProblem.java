package dev.cachectl.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a config file, with everything a CI job needs to point at it.
 *
 * @param file    the config file
 * @param code    a stable error code, documented in docs/error-codes.md (e.g. {@code CFG_SYNTAX})
 * @param pointer the JSON pointer of the offending value ({@code ""} for the whole document)
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and how to fix it, one line
 */
public record ConfigProblem(Path file, String code, String pointer, int line, int column, String message) {

    /** Validates the fields. */
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: CODE message}, the format compilers use. */
    public String toCompilerStyle() {
        return file + ":" + line + ":" + column + ": " + code + " " + message
                + (pointer.isEmpty() ? "" : " (at " + pointer + ")");
    }
}
