package dev.cachectl.bench;

import dev.cachectl.core.scan.ScanOptions;
import dev.cachectl.core.scan.TreeScanner;
import dev.cachectl.core.scan.TreeUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The walker alone, in a warmed-up JVM: {@link TreeScanner#scan} of a generated tree (warm page cache), for
 * the fastest scanner this JVM allows ({@code best}, i.e. {@link TreeScanner#create()}) and the portable NIO
 * one, at the default parallelism unless {@code -p threads=...} says otherwise. The whole-process comparison
 * with du is {@code bench/run.sh}; this isolates the walk from start-up.
 *
 * <p>The tree is {@code $BENCH_DIR/tree-<entries>} (default {@code /tmp/cachectl-bench}, shared with
 * {@code bench/run.sh}) and is generated on first use, which takes minutes for 200k entries. Run with
 * <pre>{@code
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main ScanBench
 * java -cp ... org.openjdk.jmh.Main ScanBench -p entries=10000 -p threads=1,2,4,8 -p impl=best
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
public class ScanBench {

    /** Entries in the generated tree. */
    @Param("200000")
    public long entries;

    /** {@code best}: {@link TreeScanner#create()}; {@code nio}: {@link TreeScanner#nio()}. */
    @Param({"best", "nio"})
    public String impl;

    /** Worker threads; 0 for {@link ScanOptions#DEFAULT_PARALLELISM}. */
    @Param("0")
    public int threads;

    private TreeScanner scanner;
    private ScanOptions options;
    private Path tree;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        tree = Path.of(System.getenv().getOrDefault("BENCH_DIR", "/tmp/cachectl-bench"), "tree-" + entries);
        if (!Files.isDirectory(tree)) {
            TreeGenerator.generateInto(tree, entries);
        }
        scanner = switch (impl) {
            case "best" -> TreeScanner.create();
            case "nio" -> TreeScanner.nio();
            default -> throw new IllegalArgumentException("impl is best or nio, not " + impl);
        };
        options = threads == 0 ? ScanOptions.DEFAULTS : ScanOptions.DEFAULTS.withParallelism(threads);
        TreeUsage usage = scanner.scan(tree, options);
        if (!usage.complete()) {
            throw new IllegalStateException("the tree has unreadable entries: " + usage.errors().getFirst());
        }
        // JMH prints this above the iterations: which scanner "best" was, and that the walk saw the whole tree.
        System.out.printf("%s scanner (%s), %d threads, %d entries, %d apparent bytes%n", impl,
                scanner.implementation(), options.parallelism(), usage.entries(), usage.apparentBytes());
    }

    @Benchmark
    public TreeUsage scan() throws IOException {
        return scanner.scan(tree, options);
    }
}
