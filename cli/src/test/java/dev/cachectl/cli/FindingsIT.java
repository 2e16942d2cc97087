package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.cli.DistributionIT.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin provider's findings through the real {@code bin/cachectl}: its severity decides doctor's exit code,
 * its fix and path reach every output, and {@code --strict} fails doctor on its warnings.
 */
class FindingsIT extends PluginProcessTest {

    static Path broken;
    static Path worried;

    @BeforeAll
    static void findingPlugins() throws IOException {
        broken = modular("broken-cache.jar", "com.example.brokencache", ProviderSource.of(
                "com.example.brokencache.BrokenCacheProvider", "brokencache").members("""
                        @Override public List<CacheFinding> inspect(CacheTree tree) {
                            return List.of(new CacheFinding("BROKENCACHE_INDEX", Severity.ERROR,
                                    "the index is unreadable", "brokencache rebuild-index", "index.db"));
                        }
                        """));
        worried = modular("worried-cache.jar", "com.example.worriedcache", ProviderSource.of(
                "com.example.worriedcache.WorriedCacheProvider", "worriedcache").members("""
                        @Override public List<CacheFinding> inspect(CacheTree tree) {
                            return List.of(new CacheFinding("WORRIEDCACHE_OLD", Severity.WARNING,
                                    "models are old", "worriedcache refresh"));
                        }
                        """));
    }

    private static Path modular(String fileName, String module, ProviderSource provider) throws IOException {
        return jars.jar(fileName).source("module-info.java", "module " + module + " { requires dev.cachectl.api;"
                + " provides dev.cachectl.api.CacheProvider with " + provider.qualifiedName() + "; }")
                .source(provider.path(), provider.text()).build();
    }

    @Test
    void aProviderErrorMakesDoctorExitOneWithItsFixAndPath() throws Exception {
        Path folder = jars.folder("findings-error", broken);
        Files.createDirectories(project.resolve(".cache/brokencache"));

        ProcessResult doctor = cachectl("--plugins", folder.toString(), "doctor");
        ProcessResult json = cachectl("--plugins", folder.toString(), "doctor", "--json");
        ProcessResult status = cachectl("--plugins", folder.toString(), "status", "brokencache", "--json");

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isEqualTo(ExitCode.PROBLEM);
        assertThat(doctor.out()).contains("error    caches",
                "  error BROKENCACHE_INDEX: brokencache: the index is unreadable", "    fix: brokencache rebuild-index");
        assertThat(doctor.err()).contains("doctor found 1 error(s)");
        assertThat(json.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(json.out().replaceAll("\\s+", " ")).contains("\"code\" : \"BROKENCACHE_INDEX\", \"severity\" :"
                + " \"error\", \"message\" : \"brokencache: the index is unreadable\", \"fix\" : \"brokencache"
                + " rebuild-index\", \"provider\" : \"brokencache\", \"path\" : \""
                + project.resolve(".cache/brokencache/index.db") + "\"");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().replaceAll("\\s+", " ")).contains("\"severity\" : \"error\", \"fix\" : \"brokencache"
                + " rebuild-index\"");
    }

    @Test
    void strictFailsDoctorOnAProviderWarningOnly() throws Exception {
        Path folder = jars.folder("findings-warning", worried);
        ProcessResult init = cachectl("--plugins", folder.toString(), "init");
        assertThat(init.exitCode()).as(init.err()).isZero();

        ProcessResult lenient = cachectl("--plugins", folder.toString(), "doctor");
        ProcessResult strict = cachectl("--plugins", folder.toString(), "doctor", "--strict");

        assertThat(lenient.exitCode()).as(lenient.out() + lenient.err()).isZero();
        assertThat(lenient.out()).contains("  warning WORRIEDCACHE_OLD: worriedcache: models are old");
        assertThat(strict.exitCode()).isEqualTo(ExitCode.PROBLEM);
        assertThat(strict.err()).contains("doctor --strict found 1 warning(s)");
    }
}
