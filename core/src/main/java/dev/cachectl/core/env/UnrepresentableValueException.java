package dev.cachectl.core.env;

/** A variable's value cannot be written in the requested dialect without being changed by the reader. */
public final class UnrepresentableValueException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with a one-line message that says what and how to fix it. */
    public UnrepresentableValueException(String message) {
        super(message);
    }
}
