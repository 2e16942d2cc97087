package dev.cachectl.core.migrate;

import dev.cachectl.core.json.CoreJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The append-only, fsync'd record of a migration into one cache, kept on the destination's side so an
 * interrupted run (a crash, SIGKILL, power loss) can be finished by the next one. One line per record:
 * {@code <crc32 hex> <json>}; a line whose checksum does not match (a torn last write) ends the journal.
 *
 * <p>Records: {@code run} (a run started), {@code stage} (a staging path is about to be written for a final
 * path), {@code published} (that staging path was renamed into place; with the hard-link copies it holds),
 * {@code link} (a copy of a multiply-linked source file, carried over from an earlier run).
 */
final class MigrationJournal implements AutoCloseable {


    private final Path file;
    private final FileChannel channel;

    private MigrationJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Reads every intact record, in order; none when the journal does not exist. */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("migration journal " + file + " is not UTF-8; move it aside and run again", e);
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : lines) {
            Map<String, String> record = decode(line);
            if (record == null) {
                break;
            }
            records.add(record);
        }
        return List.copyOf(records);
    }

    /**
     * Starts a journal holding {@code carried} and nothing else: written beside the old one, flushed, and
     * renamed over it, so a crash leaves either the old journal or the new one.
     */
    static MigrationJournal start(Path file, List<Map<String, String>> carried) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Map<String, String> record : carried) {
                writeFully(out, encode(record));
            }
            out.force(true);
        }
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DestinationWorkArea.syncDirectory(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new MigrationJournal(file, channel);
    }

    /** Appends one record; with {@code sync}, returns only once it is on disk. */
    void append(boolean sync, String type, String... keyValues) throws IOException {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("type", type);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            record.put(keyValues[i], keyValues[i + 1]);
        }
        writeFully(channel, encode(record));
        if (sync) {
            channel.force(false);
        }
    }

    /** Flushes appended records to disk. */
    void sync() throws IOException {
        channel.force(false);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static ByteBuffer encode(Map<String, String> record) {
        String json;
        try {
            json = CoreJson.mapper().writeValueAsString(record);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode journal record", e);
        }
        CRC32 crc = new CRC32();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        crc.update(body);
        String line = String.format("%08x ", crc.getValue()) + json + "\n";
        return ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    }

    /** The record of one line, or null when the line is torn or corrupt. */
    static Map<String, String> decode(String line) {
        if (line.length() < 10 || line.charAt(8) != ' ') {
            return null;
        }
        String json = line.substring(9);
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) {
            return null;
        }
        try {
            JsonNode node = CoreJson.mapper().readTree(json);
            Map<String, String> record = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                record.put(field.getKey(), field.getValue().asString());
            }
            return record.containsKey("type") ? record : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
