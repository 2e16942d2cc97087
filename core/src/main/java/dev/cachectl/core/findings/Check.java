package dev.cachectl.core.findings;

import java.util.List;

/**
 * One check: looks at one thing and returns what it found. {@code doctor} runs its checks in order (config,
 * providers, gitignore, caches) and {@code status} runs the cache checks it shares with it (environment,
 * outside copies); each is built with what it needs to look at. A check never throws for what it finds: a
 * problem is a {@link Finding}.
 */
public interface Check {

    /** The check's name in output, e.g. {@code gitignore}; every finding it returns carries it. */
    String name();

    /** What it found, in a stable order; empty when all is well. */
    List<Finding> run();
}
