package dev.cachectl.core.registry;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How one provider's SPI calls run in this run: on the caller's thread (built-in) or under a deadline (plugin),
 * and whether an earlier call failed so badly (it never returned) that the provider is not called again: its
 * thread may still be running, and a second hung call would only cost the user another deadline.
 */
public final class ProviderHealth {

    private final ProviderDeadline deadline;
    private final AtomicReference<String> givenUp = new AtomicReference<>();

    private ProviderHealth(ProviderDeadline deadline) {
        this.deadline = deadline;
    }

    /** A built-in provider: calls run on the caller's thread, without a deadline. */
    static ProviderHealth inline() {
        return new ProviderHealth(null);
    }

    /** A plugin: every call runs under {@code deadline}. */
    static ProviderHealth underDeadline(ProviderDeadline deadline) {
        return new ProviderHealth(deadline);
    }

    /** The deadline of each call, empty for a built-in provider. */
    public Optional<ProviderDeadline> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Why the provider is no longer called, when an earlier call of this run did not return. */
    public Optional<String> givenUp() {
        return Optional.ofNullable(givenUp.get());
    }

    ProviderDeadline deadlineOrNull() {
        return deadline;
    }

    void giveUp(String reason) {
        givenUp.compareAndSet(null, reason);
    }
}
