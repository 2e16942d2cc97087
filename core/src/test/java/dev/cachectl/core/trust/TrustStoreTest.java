package dev.cachectl.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachectl.api.HostEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user trust store: by content, atomic, private, refused when others could write it. */
class TrustStoreTest {

    @TempDir
    Path dir;

    private HostEnvironment host() {
        return new HostEnvironment(Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()), dir, false);
    }

    @Test
    void jarsAreTrustedByContentAndDirectoriesByRealPath() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "one");
        String first = TrustStore.sha256(jar);
        TrustActions.trustJars(java.util.List.of(jar), host());
        TrustActions.trustDirectory(dir, host());

        TrustStore store = TrustStore.load(host());
        assertThat(store.file()).isEqualTo(dir.resolve("config/cachectl/trust.json"));
        assertThat(store.trustsJar(first)).isTrue();
        assertThat(store.trustsDirectory(dir.toRealPath())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");

        Files.writeString(jar, "two");
        assertThat(store.trustsJar(TrustStore.sha256(jar))).isFalse();
        assertThat(store.jarAt(jar)).isPresent();

        TrustActions.untrustJars(java.util.List.of(jar), host());
        TrustActions.untrustDirectory(dir, host());
        TrustStore after = TrustStore.load(host());
        assertThat(after.jars()).isEmpty();
        assertThat(after.directories()).isEmpty();
    }

    @Test
    void aStoreOthersCanWriteIsRefused() throws Exception {
        TrustActions.trustDirectory(dir, host());
        Path file = TrustStore.location(host());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> TrustStore.load(host())).isInstanceOf(TrustStoreException.class)
                .hasMessageContaining("is writable by others (mode 0666), so someone else could have trusted code"
                        + " in your name");
    }

    @Test
    void aDamagedStoreNamesItsFileAndTheFix() throws Exception {
        Path file = TrustStore.location(host());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"plugins\": [{\"path\": \"/x.jar\"}]}");

        assertThatThrownBy(() -> TrustStore.load(host())).hasMessage("the trust store " + file + " is unusable: an"
                + " entry lacks \"sha256\"; delete it and trust again what you trust ('cachectl plugins trust',"
                + " 'cachectl trust DIR')");
    }

    @Test
    void safetyLooksAtOwnerAndOthersWrite() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        assertThat(FileSafety.problem(mine)).isEmpty();
        Files.setAttribute(mine, "unix:mode", 01777);
        assertThat(FileSafety.problem(mine)).contains("is writable by others (mode 1777)");
        Files.setAttribute(mine, "unix:mode", 0775);
        assertThat(FileSafety.problem(mine)).as("group-writable is fine").isEmpty();
    }
}
