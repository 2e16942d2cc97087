package dev.cachectl.core.registry;

/** A provider threw (or broke its contract) in an SPI call; the caller reports it and carries on. */
public final class ProviderCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String providerId;

    /** A failure of {@code providerId} in {@code method}. */
    public ProviderCallException(String providerId, ProviderOrigin origin, String method, Throwable cause) {
        super("provider '" + providerId + "' (" + origin.module() + ", " + origin.source() + ") failed in "
                + method + ": " + describe(cause) + "; report it to the provider's author or remove its jar",
                cause);
        this.providerId = providerId;
    }

    /** The id of the failing provider. */
    public String providerId() {
        return providerId;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
