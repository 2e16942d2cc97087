package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureStreamDevicesTest {

    @Test
    void theFileKeyGivesTheSameDeviceAsUnixDev(@TempDir Path tmp) throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("unix"));
        Map<String, Object> a = Files.readAttributes(tmp, "unix:dev,fileKey", LinkOption.NOFOLLOW_LINKS);
        assertThat(dev.cachectl.core.fs.internal.FileIdentity.device(a.get("fileKey"))).hasValue((Long) a.get("dev"));
    }

    @Test
    void anUnknownKeyGivesNoDevice() {
        assertThat(dev.cachectl.core.fs.internal.FileIdentity.device("something else")).isEmpty();
        assertThat(dev.cachectl.core.fs.internal.FileIdentity.device(null)).isEmpty();
    }
}
