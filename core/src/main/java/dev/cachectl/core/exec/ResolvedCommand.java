package dev.cachectl.core.exec;

import java.nio.file.Path;
import java.util.Objects;

/** What a command name turned into after the search along {@code PATH}. */
public sealed interface ResolvedCommand {

    /** An executable file to run. */
    record Found(Path executable) implements ResolvedCommand {
        /** Validates the field. */
        public Found {
            Objects.requireNonNull(executable, "executable");
        }
    }

    /** Nothing of that name exists (exit 127, like a shell). */
    record NotFound(String name) implements ResolvedCommand {
        /** Validates the field. */
        public NotFound {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Something of that name exists but cannot be run (exit 126, like a shell).
     *
     * @param path   what was found
     * @param reason why it cannot run, e.g. "it is not executable (chmod +x it)"
     */
    record NotExecutable(Path path, String reason) implements ResolvedCommand {
        /** Validates the fields. */
        public NotExecutable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
