package dev.cachectl.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scanner implementations available in this test JVM, for parameterised tests. */
public final class Scanners {

    private Scanners() {
    }

    /** Every implementation this platform has (NIO always). */
    public static Stream<TreeScanner> all() {
        List<TreeScanner> scanners = new ArrayList<>();
        scanners.add(TreeScanner.nio());
        TreeScanner best = TreeScanner.create();
        if (best.implementation() != ScanImplementation.NIO) {
            scanners.add(best);
        }
        return scanners.stream();
    }
}
