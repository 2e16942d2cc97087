package dev.cachectl.core.status;

import java.util.Locale;

/** Byte counts for people: binary units, one decimal, like {@code du -h}: {@code 512 B}, {@code 1.5 KiB}. */
public final class HumanBytes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HumanBytes() {
    }

    /** {@code 0 B}, {@code 512 B}, {@code 1.5 KiB}, {@code 19.2 GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
