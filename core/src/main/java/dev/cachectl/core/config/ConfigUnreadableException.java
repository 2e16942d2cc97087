package dev.cachectl.core.config;

import java.nio.file.Path;

/** The config file exists but cannot be read at all (permissions, a directory, an I/O error). */
public final class ConfigUnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A failure to read {@code file}, with a message that says how to fix it. */
    public ConfigUnreadableException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
