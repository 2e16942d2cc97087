package dev.cachectl.core.exec;

import java.io.InputStream;
import java.io.Writer;
import java.util.Objects;

/** Where a child process's stdin, stdout and stderr go. */
public sealed interface StandardStreams {

    /** The child shares this process's own standard streams (a terminal stays a terminal for it). */
    record Inherit() implements StandardStreams {
    }

    /**
     * The child's output is copied into writers and its input comes from a stream: for tests and for running
     * cachectl inside another program.
     */
    record Piped(InputStream in, Writer out, Writer err) implements StandardStreams {
        /** Validates the fields. */
        public Piped {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
        }
    }
}
