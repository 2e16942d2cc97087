package dev.cachectl.core.config;

import dev.cachectl.core.json.CoreJson;
import dev.cachectl.core.project.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code config/hardware_cache.json} strictly: at most {@link #MAX_BYTES}, valid UTF-8, one JSON
 * document with no trailing content and no duplicate keys. Anything else is reported as a
 * {@link ConfigProblem} with line and column, never guessed at.
 */
public final class ConfigLoader {

    /** The largest config accepted. The real file is a few hundred bytes; this stops accidents early. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** Deeper nesting than this is refused before it can cost stack or memory. */
    public static final int MAX_NESTING = CoreJson.MAX_NESTING;

    private ConfigLoader() {
    }

    /** The project's config, or the defaults when it has none. */
    public static ConfigLoadResult load(Project project) throws ConfigUnreadableException {
        if (!project.configPresent()) {
            return new ConfigLoadResult.Parsed(LoadedConfig.defaults(project));
        }
        return load(project, project.configFile());
    }

    /** A specific file read as the config of {@code project}. */
    public static ConfigLoadResult load(Project project, Path file) throws ConfigUnreadableException {
        byte[] bytes = read(file);
        if (bytes.length > MAX_BYTES) {
            return malformed(file, "CFG_TOO_LARGE", 0, 0, "the file is " + sizeOf(file) + " bytes, more than"
                    + " the " + MAX_BYTES + " a config may have; is this the right file?");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int[] where = firstInvalidUtf8(bytes);
            return malformed(file, "CFG_ENCODING", where[0], where[1],
                    "the file is not valid UTF-8; save it as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode root = CoreJson.mapper().readTree(text);
            if (root == null || root.isMissingNode()) {
                return malformed(file, "CFG_SYNTAX", 1, 1, "the file is empty; it must hold a JSON object,"
                        + " for example {\"cache\": {}} (run 'cachectl init --force' to write the defaults)");
            }
            if (!root.isObject()) {
                return malformed(file, "CFG_TYPE", 1, 1, "the file must hold a JSON object with a \"cache\" key,"
                        + " not " + JsonTypes.describe(root));
            }
            return new ConfigLoadResult.Parsed(new LoadedConfig(project, ConfigSource.FILE, root, text));
        } catch (JacksonException e) {
            if (isDuplicate(e)) {
                return duplicate(file, e);
            }
            return malformed(file, codeOf(e), line(e), column(e), messageOf(e));
        }
    }

    private static byte[] read(Path file) throws ConfigUnreadableException {
        try {
            // Only a regular file (a link to one is fine): opening a named pipe blocks until someone writes to
            // it, and a device such as /dev/zero never ends.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new ConfigUnreadableException(file, file + " is " + kindOf(file, attributes) + ", not a"
                        + " regular file; give the path of the JSON config file, e.g. config/hardware_cache.json",
                        null);
            }
            // Read one byte more than allowed and stop: a huge file costs no more than a big one.
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigUnreadableException(file, file + " does not exist; check the path or run"
                    + " 'cachectl init' to create the config", e);
        } catch (AccessDeniedException e) {
            throw new ConfigUnreadableException(file, "cannot read " + file + ": permission denied;"
                    + " fix its permissions (chmod u+r)", e);
        } catch (IOException e) {
            throw new ConfigUnreadableException(file, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String kindOf(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits) {
                return switch (bits & 0170000) {
                    case 0010000 -> "a named pipe (FIFO)";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: the generic word below is all there is
        }
        return "a special file";
    }

    private static String sizeOf(Path file) {
        try {
            return String.valueOf(Files.size(file));
        } catch (IOException e) {
            return "more than " + MAX_BYTES;
        }
    }

    private static ConfigLoadResult malformed(Path file, String code, int line, int column, String message) {
        return new ConfigLoadResult.Malformed(List.of(new ConfigProblem(file, code, "", line, column, message)));
    }

    /** Jackson 2 said "Duplicate field 'x'", Jackson 3 says "Duplicate Object property \"x\"". */
    private static boolean isDuplicate(JacksonException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        return raw.startsWith("Duplicate Object property") || raw.startsWith("Duplicate field");
    }

    /**
     * A duplicate key, pointed at where the second one starts: Jackson reports the position just after its
     * name, and its parser still knows the path of the duplicate.
     */
    private static ConfigLoadResult duplicate(Path file, JacksonException e) {
        String pointer = "";
        String name = "";
        if (e.processor() instanceof JsonParser parser) {
            pointer = parser.streamReadContext().pathAsPointer().toString();
            name = String.valueOf(parser.streamReadContext().currentName());
        }
        int column = column(e);
        if (column > name.length() + 2) {
            column -= name.length() + 2;
        }
        String message = "duplicate key \"" + name + "\": JSON keys must be unique (otherwise the last one"
                + " silently wins); keep one of them";
        return new ConfigLoadResult.Malformed(List.of(new ConfigProblem(file, "CFG_DUPLICATE_KEY", pointer,
                line(e), column, message)));
    }

    private static String codeOf(JacksonException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        if (raw.contains("nesting depth")) {
            return "CFG_TOO_DEEP";
        }
        return "CFG_SYNTAX";
    }

    private static String messageOf(JacksonException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        if (raw.contains("nesting depth")) {
            return "the document nests deeper than " + MAX_NESTING + " levels; a config never needs that";
        }
        if (raw.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON object; remove it";
        }
        String firstLine = raw.lines().findFirst().orElse(raw);
        return "malformed JSON: " + firstLine + "; fix the syntax at this position";
    }

    private static int line(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    private static int column(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null ? 0 : Math.max(location.getColumnNr(), 0);
    }

    /** 1-based line and column (in characters) of the first byte that is not valid UTF-8. */
    static int[] firstInvalidUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
