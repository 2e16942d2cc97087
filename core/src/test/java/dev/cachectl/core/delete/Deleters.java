package dev.cachectl.core.delete;

import dev.cachectl.core.scan.ScanImplementation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The deleter implementations available in this test JVM, for parameterised tests. */
final class Deleters {

    private Deleters() {
    }

    static Stream<TreeDeleter> all() {
        List<TreeDeleter> deleters = new ArrayList<>();
        deleters.add(TreeDeleter.nio());
        TreeDeleter best = TreeDeleter.create();
        if (best.implementation() != ScanImplementation.NIO) {
            deleters.add(best);
        }
        return deleters.stream();
    }
}
