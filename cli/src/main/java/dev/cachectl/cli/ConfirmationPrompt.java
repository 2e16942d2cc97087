package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one confirmation of the commands that delete or move files ({@code clear}, {@code migrate}): on a terminal
 * it asks on stderr and reads the answer from stdin (default no); without a terminal it needs {@code --yes}.
 *
 * <p>A "no" exits {@link ExitCode#PROBLEM} (1) for every command: what was asked for did not happen, so a
 * script's {@code cachectl migrate && rm -rf ~/.cache/huggingface} stops there. Running without a terminal and
 * without {@code --yes} is a usage error (2).
 */
final class ConfirmationPrompt {

    private ConfirmationPrompt() {
    }

    /**
     * Fails early, before any work, when the command will need to ask and cannot.
     *
     * @param command the command, for messages ({@code "clear"})
     * @param changes what it does, for messages ({@code "deletes files"})
     * @throws CliException with {@link ExitCode#USAGE} when there is no terminal and {@code yes} is off
     */
    static void requireAWayToConfirm(Invocation invocation, boolean yes, String command, String changes) {
        if (!yes && !invocation.interactive()) {
            throw new CliException(ExitCode.USAGE, command + " " + changes + " and there is no terminal to ask:"
                    + " pass --yes to go ahead, or --dry-run to only see what it would do");
        }
    }

    /**
     * Returns normally when the user agreed (or passed {@code --yes}).
     *
     * @param question e.g. {@code "Move 3.2 GiB (41 files) into the project?"}
     * @param command  the command, for messages ({@code "migrate"})
     * @param changes  what it does, for messages ({@code "changes files"})
     * @throws CliException with {@link ExitCode#PROBLEM} when declined, {@link ExitCode#USAGE} when no terminal
     *                      can ask and {@code yes} is off
     */
    static void confirm(Invocation invocation, boolean yes, String question, String command, String changes) {
        if (yes) {
            return;
        }
        requireAWayToConfirm(invocation, false, command, changes);
        invocation.err().print(escape(question) + " [y/N] ");
        invocation.err().flush();
        String answer;
        try {
            // Not closed: closing would close the process's stdin.
            answer = new BufferedReader(new InputStreamReader(invocation.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        String normalized = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("y") && !normalized.equals("yes")) {
            throw new CliException(ExitCode.PROBLEM, command + " cancelled: nothing was changed");
        }
    }
}
