package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs cachectl in process with injected writers, working directory, environment and home, and checks the
 * contract every command keeps: a non-zero exit always comes with a message on stderr.
 */
public final class CliHarness {

    private final Path workingDirectory;
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();
    private Supplier<InputStream> stdin = () -> new ByteArrayInputStream(new byte[0]);
    private boolean interactive;

    /** A harness running in {@code workingDirectory} with {@code home} as the user's home. */
    public CliHarness(Path workingDirectory, Path home) {
        this.workingDirectory = workingDirectory;
        this.home = home;
        environment.put("HOME", home.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** Sets an environment variable for the following runs. */
    public CliHarness env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Text fed to prompts. */
    public CliHarness stdin(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        this.stdin = () -> new ByteArrayInputStream(bytes);
        return this;
    }

    /** A stream fed to prompts, made anew for each run (e.g. one that acts when the prompt reads it). */
    public CliHarness stdin(Supplier<InputStream> streams) {
        this.stdin = streams;
        return this;
    }

    /** Whether the run behaves as on a terminal (prompts, progress). */
    public CliHarness interactive(boolean value) {
        this.interactive = value;
        return this;
    }

    /** Runs one command line. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation invocation = new Invocation(workingDirectory, environment, home, new PrintWriter(out),
                new PrintWriter(err), stdin.get(), interactive);
        int code = Main.run(invocation, args);
        Result result = new Result(code, out.toString(), err.toString());
        if (code != ExitCode.OK) {
            assertThat(result.err()).as("a non-zero exit (%d) must explain itself on stderr; stdout was:%n%s",
                    code, result.out()).isNotBlank();
        }
        return result;
    }

    /**
     * The outcome of a run.
     *
     * @param exitCode the exit code
     * @param out      what went to stdout
     * @param err      what went to stderr
     */
    public record Result(int exitCode, String out, String err) {
    }
}
