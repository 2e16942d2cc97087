package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void staysSilentWhenDisabled() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressLine progress = ProgressLine.start(new PrintWriter(err), "scanning", false)) {
            progress.update(10, 100);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void staysSilentForWorkShorterThanTheDelay() {
        StringWriter err = new StringWriter();
        try (ProgressLine progress = ProgressLine.start(new PrintWriter(err), "scanning", true)) {
            progress.update(10, 100);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void drawsAndErasesForLongWork() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressLine progress = ProgressLine.start(new PrintWriter(err), "scanning", true)) {
            progress.add(1234, 2048);
            // Wait for a draw (the line appears after about a second); poll rather than assume a timing.
            for (int i = 0; i < 100 && !err.toString().contains("entries"); i++) {
                Thread.sleep(50);
            }
        }
        assertThat(err.toString()).contains("scanning: 1,234 entries, 2.0 KiB").endsWith("\r\033[K");
    }
}
