package dev.cachectl.core.exec;

/** {@code --venv} does not name a usable Python virtual environment. */
public final class VirtualEnvironmentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with a one-line message naming the folder and how to create a virtual environment. */
    public VirtualEnvironmentException(String message) {
        super(message);
    }
}
