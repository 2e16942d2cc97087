package dev.cachectl.api;

/**
 * How serious a finding is. {@code doctor} exits 1 when any finding is an {@link #ERROR}, and with
 * {@code --strict} also on a {@link #WARNING}; an {@link #INFO} never fails it.
 */
public enum Severity {
    /** Worth knowing, nothing to do. */
    INFO,
    /** Costs disk space or time, or will break later. */
    WARNING,
    /** Broken now. */
    ERROR;

    /** The lowercase name used in JSON output. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
