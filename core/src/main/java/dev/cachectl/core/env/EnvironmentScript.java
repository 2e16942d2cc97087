package dev.cachectl.core.env;

import dev.cachectl.core.json.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link CacheEnvironment} as text that a shell (or a dotenv reader, or a program) turns back into
 * exactly the same variables. Every value is quoted so that nothing in it is expanded: spaces, quotes,
 * {@code $}, backticks, backslashes and non-ASCII text survive. What a dialect cannot carry is refused,
 * never approximated: a line break or NUL anywhere; in cmd a {@code %} or {@code "}; in dotenv a
 * {@code ${}. Lines end with {@code \n} in every dialect (cmd and PowerShell accept that too).
 */
public final class EnvironmentScript {

    private EnvironmentScript() {
    }

    /** The script for {@code dialect}: assignments first, then removals. */
    public static String render(CacheEnvironment environment, ShellDialect dialect)
            throws UnrepresentableValueException {
        for (Map.Entry<String, String> variable : environment.set().entrySet()) {
            check(variable.getKey(), variable.getValue(), dialect);
        }
        if (dialect == ShellDialect.JSON) {
            return json(environment);
        }
        StringBuilder text = new StringBuilder();
        environment.set().forEach((name, value) -> text.append(assignment(dialect, name, value)).append('\n'));
        if (dialect == ShellDialect.DOTENV && !environment.unset().isEmpty()) {
            // A .env file can only assign; an empty value is not the same as unset (transformers would use "").
            text.append("# not expressible in a .env file, remove from the environment: ")
                    .append(String.join(" ", environment.unset())).append('\n');
            return text.toString();
        }
        environment.unset().forEach(name -> text.append(removal(dialect, name)).append('\n'));
        return text.toString();
    }

    /** One assignment in {@code dialect} (not JSON). The value must have passed {@link #check}. */
    static String assignment(ShellDialect dialect, String name, String value) {
        return switch (dialect) {
            case BASH, ZSH, SH -> "export " + name + "=" + posixQuote(value);
            case FISH -> "set -gx " + name + " " + fishQuote(value);
            case POWERSHELL -> "$env:" + name + " = " + powerShellQuote(value);
            case CMD -> "set \"" + name + "=" + value + "\"";
            case DOTENV -> name + "=" + dotenvQuote(value);
            case JSON -> throw new IllegalArgumentException("JSON has no single assignment");
        };
    }

    /** One removal in {@code dialect} (not JSON or dotenv). */
    static String removal(ShellDialect dialect, String name) {
        return switch (dialect) {
            case BASH, ZSH, SH -> "unset " + name;
            case FISH -> "set -e " + name;
            case POWERSHELL -> "Remove-Item Env:" + name + " -ErrorAction SilentlyContinue";
            case CMD -> "set \"" + name + "=\"";
            case DOTENV, JSON -> throw new IllegalArgumentException(dialect.id() + " cannot remove a variable");
        };
    }

    /** POSIX single quotes: nothing inside is special; a quote is closed, escaped, reopened. */
    static String posixQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** fish single quotes: only {@code \\} and {@code \'} are escapes inside them. */
    static String fishQuote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * PowerShell verbatim string: a quote is doubled, and PowerShell also takes the typographic single quotes
     * (U+2018 to U+201B) as quote characters, so they are doubled too.
     */
    static String powerShellQuote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            if (c == '\'' || (c >= 0x2018 && c <= 0x201B)) {
                quoted.appendCodePoint(c);
            }
            quoted.appendCodePoint(c);
        });
        return quoted.append('\'').toString();
    }

    /** python-dotenv double quotes: {@code \\} and {@code \"} are decoded, {@code ${...}} is expanded. */
    static String dotenvQuote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void check(String name, String value, ShellDialect dialect) throws UnrepresentableValueException {
        Optional<String> refusal = refusal(name, value, dialect);
        if (refusal.isPresent()) {
            throw new UnrepresentableValueException(refusal.get());
        }
    }

    /** Why {@code name=value} cannot be written for {@code dialect}, with the fix; empty when it can. */
    static Optional<String> refusal(String name, String value, ShellDialect dialect) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\0') {
                return refuse(name, value, dialect, "it contains a " + (c == '\0' ? "NUL character" : "line break")
                        + ", which no shell line can carry", "rename the folder in config/hardware_cache.json");
            }
        }
        // Config validation refuses these in cache paths (CFG_UNEXPORTABLE_PATH, CFG_NON_PORTABLE_PATH), so only a
        // provider's own value gets refused here.
        if (dialect == ShellDialect.CMD && (value.contains("%") || value.contains("\""))) {
            return refuse(name, value, dialect, "it contains " + (value.contains("%") ? "'%', which cmd expands"
                    + " in a batch file" : "'\"', which ends cmd's quoting"), "use --shell powershell, or rename"
                    + " the folder");
        }
        if (dialect == ShellDialect.DOTENV && value.contains("${")) {
            return refuse(name, value, dialect, "it contains '${', which dotenv readers expand and cannot escape",
                    "use --shell json, or rename the folder");
        }
        return Optional.empty();
    }

    private static Optional<String> refuse(String name, String value, ShellDialect dialect, String why, String fix) {
        String shown = value.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
        return Optional.of("cannot write " + name + "='" + shown + "' for " + dialect.id() + ": " + why + "; " + fix);
    }

    private static String json(CacheEnvironment environment) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("set", environment.set());
        document.put("unset", List.copyOf(environment.unset()));
        return JsonText.write(document);
    }
}
