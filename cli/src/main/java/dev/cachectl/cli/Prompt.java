package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Asks a yes/no question on stderr and reads the answer from stdin; anything but yes means no. */
final class Prompt {

    private Prompt() {
    }

    static boolean confirm(Invocation invocation, String question) {
        invocation.err().print(escape(question));
        invocation.err().flush();
        try {
            // Not closed: closing would close the process's stdin.
            String answer = new BufferedReader(new InputStreamReader(invocation.in(), StandardCharsets.UTF_8))
                    .readLine();
            return answer != null && switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> true;
                default -> false;
            };
        } catch (IOException e) {
            return false;
        }
    }
}
