package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs cachectl in this JVM with its own working directory, environment, home and writers, and checks the
 * contract every command keeps: a non-zero exit always says why on stderr.
 */
final class InProcessCli {

    private final Path workingDirectory;
    private final Map<String, String> environment = new HashMap<>();
    private Path home;

    InProcessCli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.home = workingDirectory.resolve("home");
        // Keep what child processes need to run (PATH for sh, bash, git), drop the rest of the caller's
        // environment so a developer's SHELL or HF_HOME never changes a result.
        for (String name : new String[] {"PATH", "LANG", "LC_ALL", "SystemRoot", "PATHEXT", "TMPDIR"}) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
    }

    InProcessCli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    InProcessCli withoutEnv(String name) {
        environment.remove(name);
        return this;
    }

    InProcessCli home(Path home) {
        this.home = home;
        return this;
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation invocation = new Invocation(workingDirectory, environment, home, new PrintWriter(out, true),
                new PrintWriter(err, true), new ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                false);
        int code = Main.run(invocation, args);
        Result result = new Result(code, out.toString(), err.toString());
        if (code != ExitCode.OK) {
            assertThat(result.err()).as("a non-zero exit (%d) must say why on stderr; stdout was:%n%s", code,
                    result.out()).isNotBlank();
        }
        return result;
    }

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {
    }
}
