package dev.cachectl.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories on a memory file system ({@code /dev/shm}) where there is one, for tests that create
 * and remove thousands of directories: the walk is the same, without a slow disk's metadata writes.
 */
public final class MemoryTempDirFactory implements TempDirFactory {

    private static final Path SHM = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws IOException {
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            return Files.createTempDirectory(SHM, "cachectl-test-");
        }
        return Files.createTempDirectory("cachectl-test-");
    }
}
