package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.core.text.FileNameCharset;
import dev.cachectl.testkit.FixtureFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Output a terminal can trust, through the built launcher: hub folders whose names hold escape sequences,
 * a newline with a forged warning after it, a bidi override and bytes that are not UTF-8 reach the text
 * output escaped, the JSON output exactly, and a failed write of the results is an error.
 */
class TerminalOutputIT {

    /** Retitles the terminal and clears the screen when printed raw. */
    private static final String ESCAPES = "models--x--y\u001b[2J\u001b]0;pwned\u0007";
    /** Prints a line of its own that looks like cachectl's when printed raw (a name holds no '/'). */
    private static final String FORGED = "warning: OUTSIDE_CACHE: the hub cache in your home is outside the project";
    private static final String NEWLINE = "models--x--z\n" + FORGED;
    private static final String BIDI = "models--x--\u202egpj.exe";
    /** Not a repo (no snapshots folder): huggingface reports it in a warning of plain status too. */
    private static final String CORRUPT = "models--x--w\u001b]0;t\u0007\n" + FORGED;
    /** Two names that are not valid UTF-8 and differ only in that byte. */
    private static final byte[][] INVALID = {bytes("models--bad--\u00ff"), bytes("models--bad--\u00fe")};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private Path project;
    private Path home;
    private Path hub;

    @BeforeEach
    void hubWithHostileNames() throws Exception {
        project = FixtureFiles.directory(temp.resolve("pipeline"));
        home = FixtureFiles.directory(temp.resolve("home"));
        hub = Files.createDirectories(project.resolve(".cache/huggingface/hub"));
        for (String name : List.of(ESCAPES, NEWLINE, BIDI)) {
            repo(hub.resolve(name));
        }
        Files.createDirectories(hub.resolve(CORRUPT));
    }

    /** A repo folder with one revision and a partial download still being written (clear keeps it). */
    private static void repo(Path folder) throws IOException {
        FixtureFiles.write(folder.resolve("snapshots/abc123/config.json"), 10);
        Files.writeString(Files.createDirectories(folder.resolve("refs")).resolve("main"), "abc123");
        FixtureFiles.write(folder.resolve("blobs/0123.incomplete"), 5);
    }

    /** The same repos, named by raw bytes that Java cannot write, made with Python. */
    private boolean invalidRepos() throws Exception {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
        StringBuilder script = new StringBuilder("import os, sys\nhub = os.fsencode(sys.argv[1])\n");
        for (byte[] name : INVALID) {
            script.append("d = hub + b'/' + bytes.fromhex('").append(HexFormat.of().formatHex(name)).append("')\n")
                    .append("os.makedirs(d + b'/snapshots/abc123'); os.makedirs(d + b'/refs'); os.makedirs(d + b'/blobs')\n")
                    .append("open(d + b'/snapshots/abc123/config.json', 'wb').write(b'0123456789')\n")
                    .append("open(d + b'/refs/main', 'w').write('abc123')\n")
                    .append("open(d + b'/blobs/0123.incomplete', 'wb').write(b'01234')\n");
        }
        try {
            return new ProcessBuilder("python3", "-c", script.toString(), hub.toString()).inheritIO().start()
                    .waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void statusAndDetailsShowNoRawControlCharacterAndNoForgedLine() throws Exception {
        for (String[] args : List.of(new String[] {"status"}, new String[] {"status", "--details"})) {
            Run run = cachectl(null, args);
            assertThat(run.code()).as(run.err()).isZero();
            assertTerminalSafe(run.out());
            assertTerminalSafe(run.err());
            assertThat(run.out()).contains("models--x--w\\e]0;t\\a\\nwarning: OUTSIDE_CACHE: the hub cache");
            if (args.length == 2) {
                assertThat(run.out()).contains("folder: models--x--y\\e[2J\\e]0;pwned\\a",
                        "folder: models--x--z\\nwarning: OUTSIDE_CACHE", "folder: models--x--\\u202egpj.exe");
            }
        }
    }

    @Test
    void clearDryRunShowsNoRawControlCharacter() throws Exception {
        Run run = cachectl(null, "clear", "huggingface", "--dry-run");
        assertThat(run.code()).as(run.err()).isZero();
        assertTerminalSafe(run.out());
        assertTerminalSafe(run.err());
        assertThat(run.out()).contains("kept    huggingface hub/models--x--y\\e[2J\\e]0;pwned\\a/blobs/0123.incomplete",
                "kept    huggingface hub/models--x--z\\nwarning: OUTSIDE_CACHE");
    }

    @Test
    void jsonCarriesTheExactNames() throws Exception {
        JsonNode status = JSON.readTree(cachectl(null, "status", "huggingface", "--details", "--json").out());
        List<String> folders = status.path("caches").get(0).path("details").path("repos").findValuesAsString("folder");
        assertThat(folders).contains(ESCAPES, NEWLINE, BIDI);

        Run clear = cachectl(null, "clear", "huggingface", "--dry-run", "--json");
        assertThat(clear.out().getBytes(StandardCharsets.UTF_8)).doesNotContain(0x1b, 0x07, 0x7f);
        List<String> kept = JSON.readTree(clear.out()).path("caches").get(0).path("kept").findValuesAsString("path");
        assertThat(kept).contains("hub/" + ESCAPES + "/blobs/0123.incomplete", "hub/" + NEWLINE + "/blobs/0123.incomplete");
    }

    @Test
    void namesThatAreNotUtf8StayIdentifiableAndDistinct() throws Exception {
        assumeTrue(invalidRepos(), "python3 cannot make the folders");
        Run text = cachectl(null, "status", "huggingface", "--details");
        assertTerminalSafe(text.out());
        assertThat(text.out()).contains("folder: models--bad--\\xff", "folder: models--bad--\\xfe");

        String json = cachectl(null, "status", "huggingface", "--details", "--json").out();
        assertThat(json).contains("\"models--bad--\\udcff\"", "\"models--bad--\\udcfe\"").doesNotContain("\ufffd");
        List<String> folders = JSON.readTree(json).path("caches").get(0).path("details").path("repos")
                .findValuesAsString("folder");
        List<byte[]> raw = new ArrayList<>();
        for (String folder : folders) {
            raw.add(folder.getBytes(FileNameCharset.INSTANCE)); // surrogateescape: back to the bytes on disk
        }
        assertThat(raw).anySatisfy(b -> assertThat(b).isEqualTo(INVALID[0]))
                .anySatisfy(b -> assertThat(b).isEqualTo(INVALID[1]));

        // The deleter names them by their bytes too: clear keeps their partial downloads under the exact names.
        String clear = cachectl(null, "clear", "huggingface", "--dry-run", "--json").out();
        assertThat(clear).contains("hub/models--bad--\\udcff/blobs/0123.incomplete",
                "hub/models--bad--\\udcfe/blobs/0123.incomplete");

        // ... and deletes them: a name decoded with U+FFFD would no longer open the folder.
        Run cleared = cachectl(null, "clear", "huggingface", "--yes", "--force");
        assertThat(cleared.code()).as(cleared.err()).isZero();
        try (var left = Files.list(hub.getParent())) {
            assertThat(left).as("the emptied HF_HOME").isEmpty();
        }
    }

    @Test
    void aResultThatCannotBeWrittenIsAnError() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full");
        for (String[] args : List.of(new String[] {"status", "--json"}, new String[] {"status"},
                new String[] {"doctor", "--json"}, new String[] {"--help"})) {
            Run run = cachectl(new File("/dev/full"), args);
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCode.OUTPUT_ERROR);
            assertThat(run.err()).endsWith("cachectl: cannot write the output: No space left on device\n");
        }
    }

    /** No byte below 0x20 but the line ends, no DEL, and no forged warning on a line of its own. */
    private static void assertTerminalSafe(String output) {
        for (byte b : output.getBytes(StandardCharsets.UTF_8)) {
            assertThat(b >= 0 && b < 0x20 && b != '\n' || b == 0x7f).as("raw control byte 0x%02x in:%n%s", b, output)
                    .isFalse();
        }
        assertThat(output).doesNotContain("\u202e", "\u009b");
        assertThat(output.lines().map(String::strip)).noneMatch(line -> line.startsWith("warning: OUTSIDE_CACHE"));
    }

    private Run cachectl(File stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(DistributionIT.DIST.resolve("bin/cachectl").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().remove("CACHECTL_JAVA");
        builder.environment().put("HOME", home.toString());
        if (stdout != null) {
            builder.redirectOutput(stdout);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = stdout == null ? process.getInputStream().readAllBytes() : new byte[0];
        byte[] err = process.getErrorStream().readAllBytes();
        return new Run(process.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Run(int code, String out, String err) {
    }
}
