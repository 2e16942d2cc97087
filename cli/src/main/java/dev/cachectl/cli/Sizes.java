package dev.cachectl.cli;

import dev.cachectl.core.status.HumanBytes;

/** Byte counts for people: binary units, one decimal, like {@code du -h} (core's format, so warnings match). */
final class Sizes {

    private Sizes() {
    }

    /** {@code 0 B}, {@code 512 B}, {@code 1.5 KiB}, {@code 19.2 GiB}. */
    static String human(long bytes) {
        return HumanBytes.format(bytes);
    }
}
