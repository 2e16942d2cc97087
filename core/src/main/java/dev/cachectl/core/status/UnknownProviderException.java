package dev.cachectl.core.status;

import java.util.List;

/** {@code status} was asked for a provider id that no working provider has. */
public final class UnknownProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** With the message of a failed {@link dev.cachectl.core.workspace.ProviderSelection}. */
    public UnknownProviderException(String message) {
        super(message);
    }

    /** {@code id} is unknown; {@code known} are the ids that work, {@code failure} why it failed to load if it did. */
    public UnknownProviderException(String id, List<String> known, String failure) {
        super((failure.isEmpty() ? "unknown provider '" + id + "'" : "provider '" + id + "' did not load: " + failure)
                + "; known providers: " + String.join(", ", known) + " (see 'cachectl providers')");
    }
}
