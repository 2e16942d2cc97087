package dev.cachectl.core.exec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Python virtual environment ({@code python -m venv}, virtualenv, uv): a folder with {@code pyvenv.cfg} and
 * its scripts in {@code bin/} ({@code Scripts\} on Windows). {@code exec --venv} runs a command as the
 * venv's {@code activate} script would: its scripts folder first on {@code PATH}, {@code VIRTUAL_ENV} set,
 * {@code PYTHONHOME} removed.
 *
 * @param directory absolute, normalised venv folder
 * @param scripts   its {@code bin} or {@code Scripts} folder
 */
public record VirtualEnvironment(Path directory, Path scripts) {

    /** Validates the fields. */
    public VirtualEnvironment {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(scripts, "scripts");
    }

    /**
     * The venv at {@code raw}: absolute, or relative to the project root (so {@code --venv venv/whisperx} means
     * the same thing from any folder of the project).
     *
     * @throws VirtualEnvironmentException when the folder is missing or not a virtual environment; the message
     *                                     names the folder and how to create one
     */
    public static VirtualEnvironment locate(Path projectRoot, String raw, boolean windows)
            throws VirtualEnvironmentException {
        Path directory;
        try {
            directory = projectRoot.resolve(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new VirtualEnvironmentException("--venv " + raw + ": not a valid path (" + e.getReason() + ")");
        }
        String create = "create it with 'python3 -m venv " + raw + "'" + (Path.of(raw).isAbsolute() ? ""
                : " in " + projectRoot);
        if (!Files.exists(directory)) {
            throw new VirtualEnvironmentException("--venv " + raw + ": " + directory + " does not exist; " + create);
        }
        if (!Files.isDirectory(directory)) {
            throw new VirtualEnvironmentException("--venv " + raw + ": " + directory + " is not a folder; "
                    + create);
        }
        if (!Files.isRegularFile(directory.resolve("pyvenv.cfg"))) {
            throw new VirtualEnvironmentException("--venv " + raw + ": " + directory + " is not a Python virtual"
                    + " environment (it has no pyvenv.cfg); " + create);
        }
        Path scripts = directory.resolve(windows ? "Scripts" : "bin");
        if (!Files.isDirectory(scripts)) {
            throw new VirtualEnvironmentException("--venv " + raw + ": " + directory + " has no "
                    + scripts.getFileName() + " folder, so it is broken or made for another platform; recreate it"
                    + " with 'python3 -m venv --clear " + raw + "'");
        }
        return new VirtualEnvironment(directory, scripts);
    }
}
