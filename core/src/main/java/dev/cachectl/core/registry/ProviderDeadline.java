package dev.cachectl.core.registry;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a plugin's SPI call may take before cachectl gives up on it and marks the provider failed for the
 * rest of the run. Default {@value #DEFAULT_SECONDS} seconds; set with {@value #VARIABLE} ({@code 500ms},
 * {@code 2s}, {@code 1m}, or a plain number of seconds).
 *
 * @param duration the deadline, positive
 */
public record ProviderDeadline(Duration duration) {

    /** The environment variable that sets the deadline. */
    public static final String VARIABLE = "CACHECTL_PROVIDER_TIMEOUT";

    /** The default, in seconds. */
    public static final int DEFAULT_SECONDS = 5;

    /** The default deadline. */
    public static final ProviderDeadline DEFAULT = new ProviderDeadline(Duration.ofSeconds(DEFAULT_SECONDS));

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    /** Validates the duration. */
    public ProviderDeadline {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a provider deadline must be positive");
        }
    }

    /**
     * The deadline written as {@code text}: {@code 500ms}, {@code 2s}, {@code 1m} or a number of seconds.
     *
     * @return empty when {@code text} is not of that form or is zero
     */
    public static Optional<ProviderDeadline> parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            return Optional.empty();
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return Optional.of(new ProviderDeadline(duration));
    }

    /** The deadline for people, e.g. {@code 5s} or {@code 300ms}. */
    public String display() {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
