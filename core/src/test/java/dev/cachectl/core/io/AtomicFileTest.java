package dev.cachectl.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path temp;

    @Test
    void createsReplacesAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = temp.resolve("config/hardware_cache.json");
        AtomicFile.write(target, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, "two".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("two");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("hardware_cache.json");
        }
    }

    @Test
    void keepsTheExistingPermissionsAndFollowsASymlink() throws Exception {
        Path real = temp.resolve("real.json");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), real.getFileName());

        AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(AtomicFile.permissions(real)).isEqualTo("rw-r-----");
    }
}
