package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The confirmation of a command that changes or deletes files: on a terminal it asks
 * on stderr and reads the answer from stdin (default no); without a terminal it needs {@code --yes}.
 */
final class ConfirmationPrompt {

    private ConfirmationPrompt() {
    }

    /**
     * Returns normally when the user agreed (or passed {@code --yes}).
     *
     * @param question e.g. {@code "Move 3.2 GiB (41 files) into the project?"}
     * @param command  the command, for messages ({@code "migrate"})
     * @throws CliException with exit code 2 when declined, or when no terminal can ask and {@code yes} is off
     */
    static void confirm(Invocation invocation, boolean yes, String question, String command) {
        if (yes) {
            return;
        }
        if (!invocation.interactive()) {
            throw new CliException(ExitCode.USAGE, command + " changes files and cannot ask for confirmation without"
                    + " a terminal: pass --yes to go ahead (or --dry-run to only see the plan)");
        }
        invocation.err().print(escape(question) + " [y/N] ");
        invocation.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(invocation.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        String normalized = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("y") && !normalized.equals("yes")) {
            throw new CliException(ExitCode.USAGE, command + " cancelled: nothing was changed");
        }
    }
}
