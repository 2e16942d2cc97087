package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.findings.FindingSummary;

/**
 * How text output writes a finding, terminal-safe: {@code CODE: message}, a provider's own finding with the
 * provider named first, and a summary line for many of one kind with its count and how to see them all.
 */
final class FindingText {

    /** The option that lists every finding instead of summaries. */
    static final String SHOW_ALL = "--show-warnings";

    private FindingText() {
    }

    /** The message, after the id of the provider that raised it (not escaped). */
    static String message(Finding finding) {
        return finding.byProvider() ? finding.provider().orElseThrow() + ": " + finding.message() : finding.message();
    }

    /** {@code CODE: message}, or for a summary {@code CODE x686 on huggingface: first message}; escaped. */
    static String head(FindingSummary line) {
        Finding first = line.first();
        if (!line.summarised()) {
            return escape(first.code()) + ": " + escape(message(first));
        }
        String where = first.provider().map(id -> " on " + escape(id)).orElse("");
        return escape(first.code()) + " x" + line.count() + where + ": " + escape(first.message());
    }

    /** What follows a summary line: {@code  (685 more like it; --show-warnings lists all)}; else nothing. */
    static String more(FindingSummary line) {
        return line.summarised() ? " (" + (line.count() - 1) + " more like it; " + SHOW_ALL + " lists all)" : "";
    }
}
