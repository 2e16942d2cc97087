package dev.cachectl.core.status;

import java.io.IOException;
import java.nio.file.Path;

/** Measures a directory tree for {@code status}. */
@FunctionalInterface
public interface UsageMeter {

    /** Receives how far a measurement has come, as increments, from any thread. */
    @FunctionalInterface
    interface Progress {
        /** Ignores progress. */
        Progress NONE = (entries, bytes) -> {
        };

        /** {@code entries} more entries holding {@code bytes} more bytes were measured. */
        void advanced(long entries, long bytes);
    }

    /**
     * Measures {@code root} (a directory, followed when it is a link, like {@code du -s DIR/}).
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException                       when it cannot be examined at all; problems below it are in
     *                                           {@link CacheUsage#unreadable()}
     */
    CacheUsage measure(Path root, Progress progress) throws IOException;
}
