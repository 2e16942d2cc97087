package dev.cachectl.core.project;

/**
 * {@code --project DIR} names something that cannot be a project root: a missing folder (for every command but
 * {@code init}) or a file. The message says what, where and how to fix it, on one line.
 */
public final class ProjectFolderException extends Exception {

    private static final long serialVersionUID = 1L;

    ProjectFolderException(String message) {
        super(message);
    }
}
