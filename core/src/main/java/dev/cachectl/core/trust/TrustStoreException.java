package dev.cachectl.core.trust;

/** The trust store cannot be read or written; the message names the file and the fix, on one line. */
public final class TrustStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem with a one-line message. */
    public TrustStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
