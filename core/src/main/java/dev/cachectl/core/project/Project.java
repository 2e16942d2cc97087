package dev.cachectl.core.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A project: the folder whose caches cachectl manages.
 *
 * @param root          absolute, normalised project root; relative cache paths resolve against it
 * @param configFile    where the config file is or would be
 * @param configPresent whether {@code configFile} exists (else the built-in defaults apply)
 */
public record Project(Path root, Path configFile, boolean configPresent) {

    /** Validates the fields. */
    public Project {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(configFile, "configFile");
    }
}
