package dev.cachectl.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationJournalTest {

    @TempDir
    Path temp;

    /** One encoded journal line. */
    static String line(Map<String, String> record) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("type", record.get("type"));
        ordered.putAll(record);
        return StandardCharsets.UTF_8.decode(MigrationJournal.encode(ordered)).toString();
    }

    @Test
    void recordsRoundTripAndStartKeepsOnlyWhatIsCarried() throws Exception {
        Path file = temp.resolve("journal");
        try (MigrationJournal journal = MigrationJournal.start(file, List.of(Map.of("type", "run", "id", "1")))) {
            journal.append(true, "stage", "staging", "/a b/\"quoted\"\nnewline", "final", "/x");
        }
        assertThat(MigrationJournal.read(file)).containsExactly(Map.of("type", "run", "id", "1"),
                Map.of("type", "stage", "staging", "/a b/\"quoted\"\nnewline", "final", "/x"));
        try (MigrationJournal journal = MigrationJournal.start(file, List.of(Map.of("type", "run", "id", "2")))) {
            assertThat(journal.file()).isEqualTo(file);
        }
        assertThat(MigrationJournal.read(file)).containsExactly(Map.of("type", "run", "id", "2"));
    }

    @Test
    void aTornOrCorruptLineEndsTheJournal() throws Exception {
        Path file = temp.resolve("journal");
        String good = line(Map.of("type", "run", "id", "1"));
        String other = line(Map.of("type", "stage", "staging", "/s", "final", "/f"));
        String corrupt = other.replace("/s", "/t");
        Files.writeString(file, good + corrupt + good + other.substring(0, other.length() / 2));

        assertThat(MigrationJournal.read(file)).containsExactly(Map.of("type", "run", "id", "1"));
        assertThat(MigrationJournal.read(temp.resolve("missing"))).isEmpty();
    }
}
