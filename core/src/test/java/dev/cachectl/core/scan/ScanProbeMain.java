package dev.cachectl.core.scan;

import java.nio.file.Path;

/**
 * Scans a tree in a separate JVM (started as another user by tests) and prints
 * {@code apparent disk files dirs errorCount} and one line per error.
 */
public final class ScanProbeMain {

    private ScanProbeMain() {
    }

    /** {@code ScanProbeMain nio|native DIR}. */
    public static void main(String[] args) throws Exception {
        TreeScanner scanner = args[0].equals("nio") ? TreeScanner.nio() : TreeScanner.create();
        if (!args[0].equals("nio") && scanner.implementation() != ScanImplementation.LINUX_NATIVE) {
            System.out.println("native scanner unavailable");
            System.exit(3);
        }
        TreeUsage u = scanner.scan(Path.of(args[1]));
        System.out.println(u.apparentBytes() + " " + u.diskBytes() + " " + u.files() + " " + u.dirs() + " "
                + u.errors().size());
        u.errors().forEach(e -> System.out.println(e.path() + "\t" + e.message()));
    }
}
