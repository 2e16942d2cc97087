package dev.cachectl.core.exec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the program a command name stands for the way a shell does, against a given environment's
 * {@code PATH} (not this JVM's: Java's own process launcher searches the parent's {@code PATH}, which is
 * wrong once a virtual environment's {@code bin} has been put first). On Windows the extensions of
 * {@code PATHEXT} are tried too.
 */
public final class CommandResolver {

    private CommandResolver() {
    }

    /**
     * Resolves {@code name}. A name with a separator is a path relative to {@code workingDirectory}; any other
     * name is looked up in each {@code PATH} entry in order (an empty entry means the working directory, as in
     * POSIX). The first executable regular file wins; a match that is not executable is reported only when
     * nothing later on the path is, as bash does.
     */
    public static ResolvedCommand resolve(String name, Map<String, String> environment, Path workingDirectory,
                                          boolean windows) {
        if (name.isEmpty()) {
            return new ResolvedCommand.NotFound(name);
        }
        List<String> extensions = extensions(environment, windows, name);
        boolean hasSeparator = name.contains("/") || (windows && name.contains("\\"));
        try {
            if (hasSeparator) {
                Path path = workingDirectory.resolve(name).normalize();
                Optional<ResolvedCommand> direct = check(path, extensions, true);
                return direct.orElse(new ResolvedCommand.NotFound(name));
            }
            ResolvedCommand.NotExecutable firstRefused = null;
            for (String entry : pathEntries(environment, windows)) {
                Path dir = entry.isEmpty() ? workingDirectory : workingDirectory.resolve(entry);
                Optional<ResolvedCommand> found = check(dir.resolve(name), extensions, false);
                if (found.isPresent() && found.get() instanceof ResolvedCommand.Found) {
                    return found.get();
                }
                if (firstRefused == null && found.isPresent()
                        && found.get() instanceof ResolvedCommand.NotExecutable refused) {
                    firstRefused = refused;
                }
            }
            return firstRefused != null ? firstRefused : new ResolvedCommand.NotFound(name);
        } catch (InvalidPathException e) {
            return new ResolvedCommand.NotFound(name);
        }
    }

    /** The entries of the environment's {@code PATH} ({@code Path} and other spellings on Windows). */
    public static List<String> pathEntries(Map<String, String> environment, boolean windows) {
        String value = lookup(environment, "PATH", windows);
        if (value == null) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(pathSeparator(windows), -1)) {
            // Windows PATH entries are sometimes quoted; an empty one means nothing there.
            String cleaned = windows ? entry.replace("\"", "") : entry;
            if (windows && cleaned.isEmpty()) {
                continue;
            }
            entries.add(cleaned);
        }
        return entries;
    }

    /** A variable's value; on Windows names are compared without case, as the OS does. */
    static String lookup(Map<String, String> environment, String name, boolean windows) {
        if (!windows) {
            return environment.get(name);
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getKey().equalsIgnoreCase(name)) {
                return variable.getValue();
            }
        }
        return null;
    }

    private static List<String> extensions(Map<String, String> environment, boolean windows, String name) {
        if (!windows) {
            return List.of("");
        }
        List<String> extensions = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        String pathext = lookup(environment, "PATHEXT", true);
        List<String> known = new ArrayList<>();
        for (String ext : (pathext == null ? ".COM;.EXE;.BAT;.CMD" : pathext).split(";")) {
            if (!ext.isBlank()) {
                known.add(ext.strip());
            }
        }
        if (known.stream().anyMatch(ext -> lower.endsWith(ext.toLowerCase(Locale.ROOT)))) {
            extensions.add("");
        }
        extensions.addAll(known);
        return extensions;
    }

    private static Optional<ResolvedCommand> check(Path base, List<String> extensions, boolean explicit) {
        ResolvedCommand refused = null;
        for (String extension : extensions) {
            Path candidate = extension.isEmpty() ? base : base.resolveSibling(base.getFileName() + extension);
            if (Files.isDirectory(candidate)) {
                if (explicit && refused == null) {
                    refused = new ResolvedCommand.NotExecutable(candidate, "it is a directory");
                }
                continue;
            }
            if (!Files.exists(candidate)) {
                continue;
            }
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new ResolvedCommand.Found(candidate.toAbsolutePath().normalize()));
            }
            if (refused == null) {
                refused = new ResolvedCommand.NotExecutable(candidate, Files.isRegularFile(candidate)
                        ? "permission denied: it is not executable (chmod +x " + candidate + ")"
                        : "it is not a regular file");
            }
        }
        return Optional.ofNullable(refused);
    }

    /** The platform's path list separator, for building a {@code PATH}. */
    public static String pathSeparator(boolean windows) {
        return windows ? ";" : ":";
    }
}
