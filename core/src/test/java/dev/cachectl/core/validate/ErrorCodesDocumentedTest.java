package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every CFG_* code core can report has its own entry in docs/error-codes.md, and the docs invent none. */
class ErrorCodesDocumentedTest {

    private static final Pattern CODE_LITERAL = Pattern.compile("\"(CFG_[A-Z_]+)\"");
    private static final Pattern CODE_HEADING = Pattern.compile("(?m)^#### (CFG_[A-Z_]+)$");

    @Test
    void everyConfigErrorCodeIsDocumented() throws IOException {
        Path core = Path.of("").toAbsolutePath();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(core.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(CODE_LITERAL.matcher(Files.readString(source)), used);
            }
        }
        Set<String> documented = new TreeSet<>();
        collect(CODE_HEADING.matcher(Files.readString(core.resolveSibling("docs").resolve("error-codes.md"))),
                documented);

        assertThat(used).as("codes in core's sources").hasSizeGreaterThan(15);
        assertThat(documented).isEqualTo(used);
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
