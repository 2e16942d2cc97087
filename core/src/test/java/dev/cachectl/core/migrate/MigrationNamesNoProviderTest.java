package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migration asks the providers' declared layouts which entries are theirs: no string literal in its sources
 * names a built-in provider, so a plugin's layout is treated exactly like a built-in one.
 */
class MigrationNamesNoProviderTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/cachectl/core/migrate");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final List<String> BUILT_IN_IDS = List.of("huggingface", "torch", "mlx");

    @Test
    void noStringLiteralInMigrationNamesABuiltInProvider() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SOURCES)) {
            files = list.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).as("the migration sources were found").hasSizeGreaterThan(20)
                .anyMatch(p -> p.endsWith("LegacyLayout.java"));
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher literal = STRING_LITERAL.matcher(lines.get(i));
                while (literal.find()) {
                    String text = literal.group().toLowerCase(Locale.ROOT);
                    if (BUILT_IN_IDS.stream().anyMatch(text::contains)) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + literal.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
