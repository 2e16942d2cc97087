package dev.cachectl.core.workspace;

/** The project cannot be used as it is: its config is unreadable, malformed or invalid. */
public final class WorkspaceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem with a one-line message that says what to do. */
    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
