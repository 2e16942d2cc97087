package dev.cachectl.core.workspace;

import dev.cachectl.core.scan.TreeScanner;
import dev.cachectl.core.validate.ConfigValidator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up work done ahead, on a second core: while the CLI still builds its command model, a daemon thread
 * builds the JSON mapper and compiles the config schema, and for a command that will walk caches the scanner
 * binds its system calls and compiles its loop. The command then finds them ready instead of doing them in
 * turn. Nothing here changes results: each piece is what the command would otherwise do on first use, and a
 * failure is left for the command itself to meet and report.
 */
public final class Warmup {

    private static final AtomicBoolean CONFIG = new AtomicBoolean();

    private Warmup() {
    }

    /** Prepares what loading the project's config needs; once per process, later calls do nothing. */
    public static void config() {
        if (CONFIG.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("cachectl-config-warm-up").start(() -> {
                try {
                    ConfigValidator.prepare();
                } catch (RuntimeException | LinkageError e) {
                    // the command meets the same failure when it loads the config, and reports it there
                }
            });
        }
    }

    /** {@link #config()} and the scanner's own warm-up, for commands that walk caches. */
    public static void configAndScanner() {
        config();
        TreeScanner.warmUpInBackground();
    }
}
