package dev.cachectl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a script in a real shell and reads back the environment it leaves, through {@code env -0}. */
final class ShellEvaluation {

    private ShellEvaluation() {
    }

    /** The absolute path of an installed program, when there is one. */
    static Optional<Path> installed(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code shell} with {@code args}, then the script followed by {@code env -0}, and parses what it
     * prints. {@code script} is appended as the last argument.
     */
    static Map<String, String> evaluate(List<String> shellCommand, String script, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(shellCommand);
        command.add(script);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("shell did not finish: " + command);
        }
        if (process.exitValue() != 0 || !err.isBlank()) {
            throw new IOException("shell failed (" + process.exitValue() + "): " + err + "\nscript:\n" + script);
        }
        Map<String, String> variables = new HashMap<>();
        for (String entry : new String(out, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                variables.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return variables;
    }
}
