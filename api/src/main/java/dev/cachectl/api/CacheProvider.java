package dev.cachectl.api;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of cache that cachectl owns: the SPI every built-in and third-party provider implements.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: declare
 * {@code provides dev.cachectl.api.CacheProvider with com.example.MyProvider;} in {@code module-info.java}
 * (and a {@code META-INF/services/dev.cachectl.api.CacheProvider} entry for plain jars). They need a
 * public no-argument constructor and must be cheap to create.
 *
 * <p>A provider holds knowledge, not machinery: it never reads, writes, deletes or moves files. The host
 * measures, clears and migrates its directory, honouring {@link #rules()}; it reads the tree on the
 * provider's behalf through {@link CacheTree}. Every call runs inside a failure boundary: an exception
 * marks this provider as failed and the others carry on.
 *
 * <p>No method returns {@code null} and no parameter is {@code null}.
 */
public interface CacheProvider {

    /**
     * The SPI version of this api jar. Version 1 is the first; version 2 added {@link #layout()}. A host
     * accepts providers built against any version from {@link #MIN_SUPPORTED_API_VERSION} up to its own.
     */
    int API_VERSION = 2;

    /** The oldest SPI version a host of this api still loads. */
    int MIN_SUPPORTED_API_VERSION = 1;

    /**
     * The SPI version this provider was compiled against. Implement it as
     * {@code return CacheProvider.API_VERSION;}: the constant is copied into your class file when you
     * compile, which is how the host learns what you were built for.
     */
    int apiVersion();

    /** A stable id: lowercase letters, digits, {@code _} or {@code -}, starting with a letter. */
    String id();

    /** A name for people, e.g. {@code "Hugging Face"}. */
    String displayName();

    /** Whether this is a model cache or an application cache. */
    CacheCategory category();

    /** Where in the {@code cache} section the directory is configured. */
    ConfigKey configKey();

    /**
     * The directory used when the config does not name one, relative to the project root with {@code /}
     * separators, e.g. {@code ".cache/torch"}.
     */
    String defaultPath();

    /**
     * The variables to export for a cache in {@code directory}.
     *
     * @param directory the absolute, normalised cache directory of this provider
     */
    EnvironmentSpec environment(Path directory);

    /**
     * Places outside the project where the same kind of cache usually lives, honouring the calling
     * environment (e.g. {@code HF_HUB_CACHE}, {@code XDG_CACHE_HOME}). The host skips any that is inside
     * the project, so a provider may list its defaults unconditionally.
     */
    List<OutsideLocation> outsideLocations(HostEnvironment host);

    /** What the host must respect when it deletes or moves entries of this cache. */
    default CacheRules rules() {
        return CacheRules.NONE;
    }

    /**
     * What the top level of this cache looks like, so {@code migrate} can tell which entries of a legacy or
     * {@code --from} folder are this provider's and where they go. The default declares nothing: then
     * {@code migrate} moves only this provider's {@link #outsideLocations outside locations}.
     */
    default CacheLayout layout() {
        return CacheLayout.NONE;
    }

    /**
     * The entry (relative to the cache directory) that a held lock file protects; the host skips it. The
     * default protects the lock file's own directory.
     *
     * @param lockPath a path matching one of {@link CacheRules#lockGlobs()}
     */
    default String lockedEntry(String lockPath) {
        int slash = lockPath.lastIndexOf('/');
        return slash < 0 ? "" : lockPath.substring(0, slash);
    }

    /** Problems noticed in the cache (cheap: called by every {@code status}). */
    default List<CacheFinding> inspect(CacheTree tree) {
        return List.of();
    }

    /** The provider's own view of its cache, for {@code status --details}. */
    default CacheDetails details(CacheTree tree) {
        return CacheDetails.NONE;
    }

    /**
     * The provider's version: its module's version when it has one, else its jar's
     * {@code Implementation-Version}, else {@code "unknown"}.
     */
    default String version() {
        var fromModule = getClass().getModule().getDescriptor() == null ? null
                : getClass().getModule().getDescriptor().rawVersion().orElse(null);
        if (fromModule != null) {
            return fromModule;
        }
        String fromManifest = getClass().getPackage().getImplementationVersion();
        return fromManifest == null ? "unknown" : fromManifest;
    }
}
