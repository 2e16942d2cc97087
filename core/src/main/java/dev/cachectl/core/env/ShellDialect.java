package dev.cachectl.core.env;

import java.util.Locale;
import java.util.Optional;

/**
 * The syntaxes {@code cachectl env} can print. Each knows how to set and remove one variable and what a user
 * runs to apply the output to the current shell.
 */
public enum ShellDialect {
    /** GNU bash. */
    BASH("bash", "eval \"$(cachectl env)\""),
    /** zsh. */
    ZSH("zsh", "eval \"$(cachectl env)\""),
    /** Any POSIX sh (dash, ksh, busybox sh). */
    SH("sh", "eval \"$(cachectl env --shell sh)\""),
    /** fish. */
    FISH("fish", "cachectl env --shell fish | source"),
    /** Windows PowerShell and PowerShell 7 ({@code pwsh}). */
    POWERSHELL("powershell", "cachectl env --shell powershell | Out-String | Invoke-Expression"),
    /** Windows {@code cmd.exe}. */
    CMD("cmd", "for /f \"delims=\" %i in ('cachectl env --shell cmd') do @%i"),
    /** A {@code .env} file as read by python-dotenv and docker compose. */
    DOTENV("dotenv", "cachectl env --shell dotenv > .env"),
    /** A JSON document for programs. */
    JSON("json", "cachectl env --shell json");

    private final String id;
    private final String activation;

    ShellDialect(String id, String activation) {
        this.id = id;
        this.activation = activation;
    }

    /** The name used with {@code --shell}. */
    public String id() {
        return id;
    }

    /** What a user runs to apply {@code cachectl env} in this shell. */
    public String activation() {
        return activation;
    }

    /**
     * The dialect with this name, ignoring case; also accepts {@code pwsh} for PowerShell and a path such as
     * {@code /usr/bin/zsh} or {@code pwsh.exe}.
     */
    public static Optional<ShellDialect> parse(String name) {
        String base = name.strip();
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (base.endsWith(".exe")) {
            base = base.substring(0, base.length() - 4);
        }
        if (base.startsWith("-")) {
            base = base.substring(1); // a login shell's argv[0], e.g. "-bash"
        }
        return switch (base) {
            case "bash" -> Optional.of(BASH);
            case "zsh" -> Optional.of(ZSH);
            case "sh", "dash", "ksh", "mksh", "ash", "posix" -> Optional.of(SH);
            case "fish" -> Optional.of(FISH);
            case "powershell", "pwsh" -> Optional.of(POWERSHELL);
            case "cmd" -> Optional.of(CMD);
            case "dotenv", ".env" -> Optional.of(DOTENV);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
