package dev.cachectl.core.delete;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the root directory of a deletion, the one place a path is resolved by name. */
interface HandleOpener<N> {

    /**
     * Opens {@code root}; refuses a root that is itself a symbolic link (the caller resolves and checks it
     * first when that is meant).
     */
    DirectoryHandle<N> openRoot(Path root) throws IOException;
}
