package dev.cachectl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a run of cachectl takes from its process, injected so tests run in process.
 *
 * @param workingDirectory the directory the command runs in
 * @param environment      the environment variables
 * @param home             the user's home directory
 * @param out              results; after the run, a write error on it turns into exit code
 *                         {@link ExitCode#OUTPUT_ERROR} (see {@link ResultWriter})
 * @param err              diagnostics and progress
 * @param in               answers to prompts
 * @param interactive      whether stdin and stderr are a terminal (prompts and progress are allowed)
 * @param standardStreams  whether {@code out}, {@code err} and {@code in} are this process's own standard
 *                         streams: then a child process ({@code exec}) inherits them and cachectl handles
 *                         Ctrl-C for it; otherwise (tests, embedding) the child's output is copied into the
 *                         writers
 */
public record Invocation(Path workingDirectory, Map<String, String> environment, Path home, PrintWriter out,
                         PrintWriter err, InputStream in, boolean interactive, boolean standardStreams) {

    /** Copies the environment. */
    public Invocation {
        environment = Map.copyOf(environment);
    }

    /** An invocation with its own writers and input (not the process's standard streams). */
    public Invocation(Path workingDirectory, Map<String, String> environment, Path home, PrintWriter out,
                      PrintWriter err, InputStream in, boolean interactive) {
        this(workingDirectory, environment, home, out, err, in, interactive, false);
    }

    /** The invocation of the real process. */
    static Invocation ofProcess() {
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), processHome(System.getenv()),
                new ResultWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), System.out.charset())),
                new PrintWriter(System.err, true), System.in, System.console() != null, true);
    }

    /**
     * The home directory the pipeline's libraries use: Python's {@code os.path.expanduser} reads {@code $HOME}
     * on POSIX systems, while Java's {@code user.home} comes from the password database; they differ under
     * {@code sudo -E}, in containers and in tests, and cachectl must look where the libraries write.
     */
    static Path processHome(Map<String, String> environment) {
        String home = environment.get("HOME");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (!windows && home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"));
    }
}
