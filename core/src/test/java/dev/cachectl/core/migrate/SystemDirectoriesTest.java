package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The directories migrate never moves from, and what stays allowed around them. */
class SystemDirectoriesTest {

    private static final Path HOME = Path.of("/home/me");
    private static final Path PROJECT = Path.of("/home/me/work/app");

    private static String why(String path) {
        return SystemDirectories.refusal(Path.of(path), HOME, PROJECT).orElse("allowed");
    }

    @Test
    void systemTreesAreRefusedWithEverythingInThem() {
        assertThat(why("/etc")).isEqualTo("is /etc, a system directory");
        assertThat(why("/usr/share/models")).isEqualTo("is inside /usr, a system directory");
        assertThat(why("/var/lib/torch")).isEqualTo("is inside /var, a system directory");
        assertThat(why("/private/etc")).isEqualTo("is inside /private, a system directory");
        assertThat(why("/System/Library/Caches")).isEqualTo("is inside /System, a system directory");
        assertThat(why("/lib64")).isEqualTo("is /lib64, a system directory");
    }

    @Test
    void sharedFoldersAreRefusedThemselvesButNotWhatIsInsideThem() {
        assertThat(why("/")).isEqualTo("is a file system root");
        assertThat(why("/home")).isEqualTo("is /home, a folder shared by everything in it");
        assertThat(why("/tmp")).isEqualTo("is /tmp, a folder shared by everything in it");
        assertThat(why("/dev/shm")).isEqualTo("is /dev/shm, a folder shared by everything in it");
        assertThat(why("/home/me")).isEqualTo("is your home directory");
        assertThat(why("/home/me/.cache/torch")).isEqualTo("allowed");
        assertThat(why("/tmp/old-hub")).isEqualTo("allowed");
        assertThat(why("/dev/shm/scratch/hub")).isEqualTo("allowed");
        assertThat(why("/private/var/folders/xy/T/hub")).isEqualTo("allowed");
        assertThat(why("/mnt/big/hf")).isEqualTo("allowed");
    }

    @Test
    void aProjectInsideASystemTreeMayMoveItsOwnCaches() {
        Path project = Path.of("/opt/app");
        assertThat(SystemDirectories.refusal(Path.of("/opt/app/shared/model-cache/hub"), HOME, project)).isEmpty();
        assertThat(SystemDirectories.refusal(Path.of("/opt/app"), HOME, project)).contains("is inside /opt, a system"
                + " directory");
        assertThat(SystemDirectories.refusal(Path.of("/opt/other"), HOME, project)).isPresent();
    }
}
