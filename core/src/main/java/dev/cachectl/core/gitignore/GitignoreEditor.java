package dev.cachectl.core.gitignore;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the project's {@code .gitignore} ignore every cache directory inside the project, appending only what
 * is missing. Existing lines are never changed or reordered; the file's line ending (LF or CRLF) is kept and
 * it ends with one. A directory that a {@code .gitignore} re-includes with {@code !} is left alone (the user
 * chose that), and a directory ignored only by {@code .git/info/exclude} or the user's global excludes still
 * gets a line, because those do not travel with the repository. Running it again changes nothing.
 */
public final class GitignoreEditor {

    /** The comment put above the lines cachectl appends. */
    public static final String HEADER = "# cachectl: cache directories (cachectl init --gitignore)";

    private GitignoreEditor() {
    }

    /** Adds the missing lines for {@code directories} to {@code projectRoot/.gitignore}. */
    public static GitignoreUpdate ensureIgnored(Path projectRoot, List<Path> directories, HostEnvironment host)
            throws IOException {
        Path file = projectRoot.resolve(".gitignore");
        boolean existed = Files.exists(file);
        String text = existed ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Set<String> existingLines = new HashSet<>();
        text.lines().map(String::strip).forEach(existingLines::add);

        CoverageReport before = GitignoreCoverage.check(projectRoot, directories, host);
        List<GitignoreUpdate.DirectoryOutcome> outcomes = new ArrayList<>();
        List<String> toAdd = new ArrayList<>();
        for (IgnoreVerdict verdict : before.verdicts()) {
            String entry = verdict.state() == IgnoreVerdict.State.OUTSIDE_PROJECT ? "" : entry(verdict.relativePath());
            GitignoreUpdate.Outcome outcome;
            if (verdict.state() == IgnoreVerdict.State.OUTSIDE_PROJECT) {
                outcome = GitignoreUpdate.Outcome.OUTSIDE_PROJECT;
            } else if (verdict.ignoredForEveryClone()) {
                outcome = GitignoreUpdate.Outcome.ALREADY_IGNORED;
            } else if (verdict.rule().map(r -> r.negated() && r.source().kind() == IgnoreRule.Kind.GITIGNORE)
                    .orElse(false)) {
                outcome = GitignoreUpdate.Outcome.RE_INCLUDED;
            } else if (existingLines.contains(entry) || toAdd.contains(entry)) {
                outcome = GitignoreUpdate.Outcome.STILL_NOT_IGNORED;
            } else {
                outcome = GitignoreUpdate.Outcome.ADDED;
                toAdd.add(entry);
            }
            outcomes.add(new GitignoreUpdate.DirectoryOutcome(verdict, outcome, entry));
        }
        if (toAdd.isEmpty()) {
            return new GitignoreUpdate(file, GitignoreUpdate.Action.UNCHANGED, outcomes, before.method(),
                    before.note());
        }
        AtomicFile.write(file, appended(text, existingLines.contains(HEADER), toAdd)
                .getBytes(StandardCharsets.UTF_8));
        return new GitignoreUpdate(file, existed ? GitignoreUpdate.Action.UPDATED : GitignoreUpdate.Action.CREATED,
                recheck(projectRoot, outcomes, host), before.method(), before.note());
    }

    /** A line that ignores exactly {@code relativePath} (a directory) relative to the project root. */
    static String entry(String relativePath) {
        StringBuilder line = new StringBuilder("/");
        for (char c : relativePath.toCharArray()) {
            if (c == '\\' || c == '*' || c == '?' || c == '[') {
                line.append('\\');
            }
            line.append(c);
        }
        return line.append('/').toString();
    }

    private static String appended(String text, boolean hasHeader, List<String> lines) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder result = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            result.append(newline);
        }
        if (!hasHeader) {
            if (!text.isBlank() && !text.endsWith(newline + newline)) {
                result.append(newline);
            }
            result.append(HEADER).append(newline);
        }
        lines.forEach(line -> result.append(line).append(newline));
        return result.toString();
    }

    /** After writing: a directory whose new line is overridden by a deeper {@code !} rule is reported. */
    private static List<GitignoreUpdate.DirectoryOutcome> recheck(Path projectRoot,
            List<GitignoreUpdate.DirectoryOutcome> outcomes, HostEnvironment host) {
        List<Path> directories = outcomes.stream().map(o -> o.verdict().directory()).toList();
        List<IgnoreVerdict> after = GitignoreCoverage.check(projectRoot, directories, host).verdicts();
        List<GitignoreUpdate.DirectoryOutcome> checked = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            GitignoreUpdate.DirectoryOutcome outcome = outcomes.get(i);
            boolean added = outcome.outcome() == GitignoreUpdate.Outcome.ADDED;
            checked.add(added && after.get(i).state() != IgnoreVerdict.State.IGNORED
                    ? new GitignoreUpdate.DirectoryOutcome(after.get(i), GitignoreUpdate.Outcome.STILL_NOT_IGNORED,
                    outcome.entry())
                    : outcome);
        }
        return checked;
    }
}
