package dev.cachectl.core.init;

/** {@code init} cannot go on: the existing config is unreadable, malformed or invalid, or cannot be written. */
public final class InitException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with a one-line message that says what, where and how to fix it. */
    public InitException(String message, Throwable cause) {
        super(message, cause);
    }
}
