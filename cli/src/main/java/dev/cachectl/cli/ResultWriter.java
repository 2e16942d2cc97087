package dev.cachectl.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Optional;

/**
 * The writer of a command's results (stdout). A {@link PrintWriter} swallows write errors and only remembers
 * that one happened ({@link #checkError()}); this one also keeps the first {@link IOException}, so that a
 * run whose results did not reach their file (a full disk, a closed pipe) can say why and exit
 * {@link ExitCode#OUTPUT_ERROR} instead of 0 with a truncated file.
 */
final class ResultWriter extends PrintWriter {

    private final Recorder recorder;

    ResultWriter(Writer destination) {
        this(new Recorder(destination));
    }

    private ResultWriter(Recorder recorder) {
        super(recorder, false);
        this.recorder = recorder;
    }

    /** The first write error, once the writer has been flushed. */
    Optional<IOException> failure() {
        return Optional.ofNullable(recorder.failure);
    }

    /**
     * Flushes {@code out} and describes its first write error, if any: {@code "No space left on device"}.
     * A plain {@link PrintWriter} (an embedding's own) only tells that one happened.
     */
    static Optional<String> writeError(PrintWriter out) {
        out.flush();
        if (!out.checkError()) {
            return Optional.empty();
        }
        String reason = out instanceof ResultWriter writer ? writer.failure().map(ResultWriter::reason)
                .orElse("write error") : "write error";
        return Optional.of(reason);
    }

    private static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Passes everything on and keeps the first failure. */
    private static final class Recorder extends FilterWriter {
        private volatile IOException failure;

        Recorder(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            try {
                super.write(c);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            try {
                super.write(buffer, offset, length);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            try {
                super.write(text, offset, length);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                super.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
