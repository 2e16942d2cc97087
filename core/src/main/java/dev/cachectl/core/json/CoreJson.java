package dev.cachectl.core.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper core uses for everything it reads and writes. Building a mapper is a large part of a
 * short command's start-up (its factories and static tables are set up in the interpreter), so a run builds
 * exactly one, and only when it first touches JSON.
 *
 * <p>Reading is strict, as a config reader must be: duplicate keys and trailing tokens are errors, and nesting
 * deeper than {@link #MAX_NESTING} is refused before it can cost stack or memory. Writing is compact; pretty
 * output goes through {@link JsonText}.
 */
public final class CoreJson {

    /** Deeper nesting than this is refused when reading. */
    public static final int MAX_NESTING = 64;

    private CoreJson() {
    }

    /** The shared mapper, built on first use. */
    public static JsonMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
