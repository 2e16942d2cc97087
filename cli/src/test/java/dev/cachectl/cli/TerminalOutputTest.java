package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output a terminal can trust, in process: escaping of config values and arguments, and write errors. */
class TerminalOutputTest {

    @TempDir
    Path temp;

    @Test
    void validateEscapesConfigValuesInTextAndGithubFormats() throws IOException {
        Path config = Files.createDirectories(temp.resolve("config")).resolve("hardware_cache.json");
        // A cache at the root, spelled with an escape sequence and a newline that "..' normalises away.
        Files.writeString(config, "{\"cache\": {\"torch_home\": \"/\\u001b]0;pwned\\u0007\\n\\u202e/..\"}}");
        for (String format : new String[] {"text", "github"}) {
            CliHarness.Result run = new CliHarness(temp, temp).run("validate", "--format", format);
            assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEM);
            assertThat(run.out()).doesNotContain("\u001b", "\u0007", "\u202e").contains("\\e]0;pwned\\a")
                    .contains("\\u202e");
            assertThat(run.out().lines()).hasSize(2);
        }
    }

    @Test
    void errorLinesEscapeWhatTheUserTyped() {
        CliHarness.Result run = new CliHarness(temp, temp).run("status", "nope\u001b[2J\nwarning: forged");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("cachectl: unknown provider 'nope\\e[2J\\nwarning: forged'");
        assertThat(run.err().lines()).hasSize(1);
        CliHarness.Result option = new CliHarness(temp, temp).run("status", "--bogus\u001b]0;x\u0007");
        assertThat(option.err()).contains("--bogus\\e]0;x\\a").doesNotContain("\u001b");
    }

    @Test
    void aFailedWriteOfTheResultsExitsWithTheOutputErrorAndSaysWhy() {
        StringWriter err = new StringWriter();
        Invocation invocation = new Invocation(temp, Map.of("HOME", temp.toString()), temp,
                new ResultWriter(new FullDisk()), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), false);
        int code = Main.run(invocation, "status", "--json");
        assertThat(code).isEqualTo(ExitCode.OUTPUT_ERROR);
        assertThat(err.toString()).endsWith("cachectl: cannot write the output: No space left on device"
                + System.lineSeparator());
    }

    @Test
    void aPlainWriterThatFailedIsAnOutputErrorToo() {
        StringWriter err = new StringWriter();
        Invocation invocation = new Invocation(temp, Map.of("HOME", temp.toString()), temp,
                new PrintWriter(new FullDisk()), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), false);
        assertThat(Main.run(invocation, "--version")).isEqualTo(ExitCode.OUTPUT_ERROR);
        assertThat(err.toString()).contains("cachectl: cannot write the output: write error");
    }

    /** A writer on a full file system. */
    private static final class FullDisk extends Writer {
        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
        }

        @Override
        public void close() {
        }
    }
}
