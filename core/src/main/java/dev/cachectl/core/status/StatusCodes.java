package dev.cachectl.core.status;

/** The warning codes {@code status} itself raises (providers add their own); documented in docs/error-codes.md. */
public final class StatusCodes {

    /** A provider failed to load, or threw while status asked it something. */
    public static final String PROVIDER_FAILED = "PROVIDER_FAILED";
    /** A cache directory does not exist. */
    public static final String CACHE_DIR_MISSING = "CACHE_DIR_MISSING";
    /** A cache path exists but is a file. */
    public static final String CACHE_DIR_NOT_DIRECTORY = "CACHE_DIR_NOT_DIRECTORY";
    /** A cache directory cannot be written. */
    public static final String CACHE_DIR_NOT_WRITABLE = "CACHE_DIR_NOT_WRITABLE";
    /** Entries of a cache could not be read; the sizes leave them out. */
    public static final String SCAN_INCOMPLETE = "SCAN_INCOMPLETE";
    /** The legacy cache still holds data. */
    public static final String LEGACY_CACHE_NOT_EMPTY = "LEGACY_CACHE_NOT_EMPTY";
    /** A place outside the project holds the same kind of cache. */
    public static final String OUTSIDE_CACHE = "OUTSIDE_CACHE";
    /** The calling environment points a provider's variable somewhere else than the config. */
    public static final String ENV_MISMATCH = "ENV_MISMATCH";

    private StatusCodes() {
    }
}
