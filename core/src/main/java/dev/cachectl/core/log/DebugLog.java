package dev.cachectl.core.log;

import dev.cachectl.core.text.TerminalText;
import org.slf4j.LoggerFactory;

/**
 * cachectl's debug lines ({@code --verbose}): logged through SLF4J, whose backend in the distribution is
 * slf4j-simple writing to stderr. Off by default, and then free: no logger is made and SLF4J is not even
 * asked, so a run without {@code --verbose} pays nothing at start-up for lines nobody reads.
 *
 * <p>slf4j-simple reads its output format once, when the process makes its first logger (a library may do
 * that early, on a warm-up thread), but the level of each logger when that logger is made. So the format is
 * set first thing ({@link #configureBackend}), and the level of cachectl's own loggers when a run turns
 * debug on ({@link #enable}); cachectl makes no logger before that.
 */
public final class DebugLog {

    /** slf4j-simple's level of every logger under {@code dev.cachectl}. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.dev.cachectl";
    private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.";

    private static volatile boolean enabled;

    private DebugLog() {
    }

    /**
     * One run with debug lines on; closing it turns them off again, so that in-process runs (tests, embedding)
     * do not leak debug lines into the next run.
     */
    public static final class Session implements AutoCloseable {
        private final boolean active;

        private Session(boolean active) {
            this.active = active;
        }

        /** Turns debug lines off again, if this session turned them on. */
        @Override
        public void close() {
            if (active) {
                enabled = false;
                System.clearProperty(LEVEL_PROPERTY);
            }
        }
    }

    /**
     * Sets slf4j-simple's output format: one line on stderr per message, level and short logger name, no
     * thread or time. Call before anything can make a logger; a {@code -D} given on the JVM's command line
     * ({@code CACHECTL_JAVA_OPTS}) wins.
     */
    public static void configureBackend() {
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("showDateTime", "false");
    }

    /** Turns debug lines on for one run, or, when {@code on} is false, leaves them off. */
    public static Session enable(boolean on) {
        if (!on || enabled) {
            return new Session(false);
        }
        System.setProperty(LEVEL_PROPERTY, "debug");
        enabled = true;
        return new Session(true);
    }

    /** Whether debug lines are on. */
    public static boolean enabled() {
        return enabled;
    }

    /**
     * Logs one debug line as {@code where}'s logger, when debug lines are on. Arguments are SLF4J's {@code {}}
     * placeholders; each is shown terminal-safe ({@link TerminalText#escape}), since many are file names.
     */
    public static void debug(Class<?> where, String format, Object... arguments) {
        if (!enabled) {
            return;
        }
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = TerminalText.escape(arguments[i]);
        }
        LoggerFactory.getLogger(where).debug(format, shown);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(SIMPLE_LOGGER + key) == null) {
            System.setProperty(SIMPLE_LOGGER + key, value);
        }
    }
}
