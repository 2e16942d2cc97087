package dev.cachectl.core.config;

import java.util.List;

/** The outcome of reading a config: a parsed document, or the reasons it could not be parsed. */
public sealed interface ConfigLoadResult {

    /** The config parsed (it may still be invalid against the schema). */
    record Parsed(LoadedConfig config) implements ConfigLoadResult {
    }

    /** The file is not a usable JSON document: too large, not UTF-8, malformed, duplicate keys. */
    record Malformed(List<ConfigProblem> problems) implements ConfigLoadResult {

        /** Copies the list. */
        public Malformed {
            problems = List.copyOf(problems);
        }
    }
}
