package dev.cachectl.core.registry;

/**
 * A provider threw, broke its contract or missed its deadline in an SPI call; the caller reports it and carries
 * on. The message names the provider, its module and jar, the method and the reason, on one line.
 */
public final class ProviderCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The longest reason quoted from a provider's exception message. */
    private static final int MAX_QUOTED = 300;

    private final String providerId;

    /** A failure of {@code providerId} in {@code method}: what happened is {@code cause}'s message. */
    ProviderCallException(String providerId, ProviderOrigin origin, String method, ProviderCalls.Failure cause) {
        this(providerId, origin, method, cause.getMessage(), cause.getCause());
    }

    /** A failure of {@code providerId} in {@code method} with {@code reason} (e.g. "not called: ..."). */
    ProviderCallException(String providerId, ProviderOrigin origin, String method, String reason) {
        this(providerId, origin, method, reason, null);
    }

    /** A failure of {@code providerId} in {@code method}, caused by {@code cause} (for tests and embedding). */
    public ProviderCallException(String providerId, ProviderOrigin origin, String method, Throwable cause) {
        this(providerId, origin, method, describe(cause), cause);
    }

    private ProviderCallException(String providerId, ProviderOrigin origin, String method, String reason,
                                  Throwable cause) {
        super("provider '" + providerId + "' (" + origin.module() + ", " + origin.source() + ") failed in "
                + method + ": " + reason + "; report it to the provider's author or remove its jar", cause);
        this.providerId = providerId;
    }

    /** The id of the failing provider. */
    public String providerId() {
        return providerId;
    }

    /** An exception as one short line: its simple class name and the first line of its message. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
        if (first.length() > MAX_QUOTED) {
            first = first.substring(0, MAX_QUOTED) + "...";
        }
        return cause.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }
}
