package dev.cachectl.core.status;

import dev.cachectl.api.Severity;
import dev.cachectl.core.findings.Finding;
import java.util.List;
import java.util.Map;

/**
 * The codes {@code status} itself raises (providers add their own), documented in docs/error-codes.md, with
 * how serious each is and the command that fixes it.
 */
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

    /** Broken now: downloads into these directories fail, or a provider could not answer. */
    private static final List<String> ERRORS = List.of(CACHE_DIR_NOT_DIRECTORY, CACHE_DIR_NOT_WRITABLE,
            PROVIDER_FAILED);

    private static final Map<String, String> FIXES = Map.of(
            PROVIDER_FAILED, "report it to the provider's author, or remove its jar ('cachectl providers' lists them)",
            CACHE_DIR_MISSING, "cachectl init",
            CACHE_DIR_NOT_DIRECTORY, "move the file away, then run 'cachectl init'",
            CACHE_DIR_NOT_WRITABLE, "give yourself write permission (chmod -R u+w DIR)",
            SCAN_INCOMPLETE, "fix the permissions of the entries 'cachectl status' lists",
            LEGACY_CACHE_NOT_EMPTY, "cachectl migrate",
            OUTSIDE_CACHE, "cachectl migrate",
            ENV_MISMATCH, "eval \"$(cachectl env)\" (or run the stage with 'cachectl exec')");

    private StatusCodes() {
    }

    /** A finding of one of these codes by {@code check}, with the code's severity and fix. */
    static Finding finding(String check, String code, String message) {
        return Finding.of(check, code, ERRORS.contains(code) ? Severity.ERROR : Severity.WARNING, message,
                FIXES.getOrDefault(code, ""));
    }
}
