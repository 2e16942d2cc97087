package dev.cachectl.core.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one command to completion and returns its exit status, as a shell would: a status of 128 + N when it
 * died of signal N (Java reports it that way). With {@link StandardStreams.Inherit} the child shares this
 * process's terminal and Ctrl-C is handled by {@link SignalRelay}; with {@link StandardStreams.Piped} its
 * output is copied into the writers as it comes.
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * Runs {@code command} (an executable path, then its arguments) with exactly {@code environment}.
     *
     * @throws IOException when the program cannot be started at all
     */
    public static int run(List<String> command, Map<String, String> environment, Path workingDirectory,
                          StandardStreams streams) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return switch (streams) {
            case StandardStreams.Inherit inherit -> runInherited(builder.inheritIO());
            case StandardStreams.Piped piped -> runPiped(builder, piped);
        };
    }

    private static int runInherited(ProcessBuilder builder) throws IOException, InterruptedException {
        try (SignalRelay relay = new SignalRelay()) {
            Process child = builder.start();
            relay.attach(child);
            return waitUninterruptibly(child);
        }
    }

    /** Waits for the child even if this thread is interrupted: cachectl's exit status is the child's. */
    private static int waitUninterruptibly(Process child) throws InterruptedException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int runPiped(ProcessBuilder builder, StandardStreams.Piped piped)
            throws IOException, InterruptedException {
        Process child = builder.start();
        Charset charset = Charset.defaultCharset();
        Thread input = Thread.ofVirtual().start(() -> feed(piped.in(), child.getOutputStream()));
        Thread output = Thread.ofVirtual().start(() -> copy(new InputStreamReader(child.getInputStream(), charset),
                piped.out()));
        Thread errors = Thread.ofVirtual().start(() -> copy(new InputStreamReader(child.getErrorStream(), charset),
                piped.err()));
        try {
            int status = child.waitFor();
            output.join();
            errors.join();
            return status;
        } finally {
            input.interrupt();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static void feed(InputStream from, OutputStream to) {
        try (to) {
            from.transferTo(to);
        } catch (IOException e) {
            // the child closed its input or exited: nothing more to give it
        }
    }

    private static void copy(Reader from, Writer to) {
        char[] buffer = new char[8192];
        try (from) {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the child's stream closed early: what was read is already written
        }
    }
}
