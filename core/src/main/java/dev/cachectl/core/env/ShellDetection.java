package dev.cachectl.core.env;

import dev.cachectl.api.HostEnvironment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The shell {@code cachectl env} writes for when {@code --shell} is not given, and why.
 *
 * @param dialect the chosen dialect
 * @param note    a line for stderr when the choice is a guess (an unknown or missing {@code $SHELL})
 */
public record ShellDetection(ShellDialect dialect, Optional<String> note) {

    /** Validates the fields. */
    public ShellDetection {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(note, "note");
    }

    /**
     * Detects the shell from the calling environment. {@code $SHELL} names the user's login shell, which is
     * what an interactive user normally runs (and Git Bash and MSYS set it on Windows too). On Windows without
     * {@code $SHELL}: PowerShell puts the user's own module folder (under the profile) at the front of
     * {@code PSModulePath}, which a plain {@code cmd.exe} environment does not have, so that tells the two
     * apart; {@code ComSpec} alone means cmd.
     */
    public static ShellDetection detect(HostEnvironment host) {
        Optional<String> shell = host.get("SHELL");
        if (shell.isPresent()) {
            Optional<ShellDialect> parsed = ShellDialect.parse(shell.get());
            if (parsed.isPresent() && parsed.get() != ShellDialect.DOTENV && parsed.get() != ShellDialect.JSON) {
                return new ShellDetection(parsed.get(), Optional.empty());
            }
            ShellDialect fallback = host.windows() ? ShellDialect.POWERSHELL : ShellDialect.SH;
            return new ShellDetection(fallback, Optional.of("unknown shell '" + shell.get() + "' in $SHELL; printing "
                    + fallback.id() + " syntax (choose one with --shell)"));
        }
        if (host.windows()) {
            if (powerShellModulePath(host)) {
                return new ShellDetection(ShellDialect.POWERSHELL, Optional.empty());
            }
            if (host.get("ComSpec").isPresent() || host.get("COMSPEC").isPresent()) {
                return new ShellDetection(ShellDialect.CMD, Optional.empty());
            }
            return new ShellDetection(ShellDialect.POWERSHELL, Optional.of(
                    "could not tell the shell (no SHELL, PSModulePath or ComSpec); printing powershell syntax"
                            + " (choose one with --shell)"));
        }
        return new ShellDetection(ShellDialect.SH, Optional.of(
                "$SHELL is not set; printing POSIX sh syntax (choose one with --shell)"));
    }

    private static boolean powerShellModulePath(HostEnvironment host) {
        Optional<String> modulePath = host.get("PSModulePath");
        Optional<String> profile = host.get("USERPROFILE");
        if (modulePath.isEmpty()) {
            return false;
        }
        if (profile.isEmpty()) {
            return true;
        }
        String first = modulePath.get().split(";", -1)[0];
        try {
            return Path.of(first).normalize().toString().toLowerCase(java.util.Locale.ROOT)
                    .startsWith(Path.of(profile.get()).normalize().toString().toLowerCase(java.util.Locale.ROOT));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
