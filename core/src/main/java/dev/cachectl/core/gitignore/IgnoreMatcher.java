package dev.cachectl.core.gitignore;

import dev.cachectl.api.HostEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cachectl's own implementation of git's ignore decision, used when git is not installed or cannot answer.
 * It follows git's order: the {@code .gitignore} files from the path's folder up to the top of the work tree
 * (deeper first), then {@code info/exclude}, then the user's global excludes; inside one file the last
 * matching line wins; a path inside an ignored folder is ignored by that folder's rule, whatever a later
 * {@code !} says (git does not look inside an ignored folder); {@code .gitignore} files that are symbolic
 * links are not read (git 2.32+ refuses them).
 */
final class IgnoreMatcher {

    private final Path top;
    private final List<IgnorePattern> infoExclude;
    private final List<IgnorePattern> globalExcludes;
    private final boolean ignoreCase;
    private final Map<String, List<IgnorePattern>> perDirectory = new HashMap<>();

    private IgnoreMatcher(Path top, List<IgnorePattern> infoExclude, List<IgnorePattern> globalExcludes,
                          boolean ignoreCase) {
        this.top = top;
        this.infoExclude = infoExclude;
        this.globalExcludes = globalExcludes;
        this.ignoreCase = ignoreCase;
    }

    /** A matcher for the repository, or for {@code top} as if it were one when there is no repository. */
    static IgnoreMatcher open(Path top, Optional<GitRepository> repository, HostEnvironment host) {
        List<IgnorePattern> info = repository.map(r -> read(r.infoExclude(), IgnoreRule.Kind.INFO_EXCLUDE, ""))
                .orElse(List.of());
        List<IgnorePattern> global = read(GitRepository.globalExcludes(host, repository),
                IgnoreRule.Kind.GLOBAL_EXCLUDES, "");
        return new IgnoreMatcher(top, info, global, GitRepository.ignoreCase(host, repository));
    }

    /**
     * The rule that decides whether files inside the directory {@code relativePath} (relative to the top,
     * {@code /} separators) are ignored, exactly as {@code git check-ignore "DIR/"} decides it: each folder on
     * the way down, the directory itself included, is checked as a leading folder (an ignored one decides, a
     * {@code !} rule only lets the walk go on, and its {@code .gitignore} is read after the check), then
     * {@code DIR/} itself is matched like a file with an empty name. That is the question a cache asks
     * ("will git pick up what gets downloaded here?"), and it makes {@code .cache/**} and a cache's own
     * {@code .gitignore} with {@code *} count, as they should.
     *
     * @param exists whether the directory exists: git lets directory-only rules ({@code pattern/}) match the
     *               final {@code DIR/} only then
     */
    Decision decideContents(String relativePath, boolean exists) {
        String[] segments = relativePath.split("/");
        List<List<IgnorePattern>> stack = new ArrayList<>();
        stack.add(gitignore(""));
        StringBuilder prefix = new StringBuilder();
        Optional<IgnoreRule> reInclusion = Optional.empty();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(segments[i]);
            Optional<IgnorePattern> folder = lastMatch(prefix.toString(), true, stack);
            if (folder.isPresent() && !folder.get().negated()) {
                return new Decision(Optional.of(folder.get().rule()), Optional.empty());
            }
            if (i == segments.length - 1) {
                reInclusion = folder.map(IgnorePattern::rule);
            }
            stack.add(gitignore(prefix.toString()));
        }
        return new Decision(lastMatch(relativePath + "/", exists, stack).map(IgnorePattern::rule), reInclusion);
    }

    /**
     * The outcome for a directory's contents.
     *
     * @param rule        what git reports: the deciding line, or none
     * @param reInclusion a {@code !} line that matched the directory itself on the way down; git's report drops
     *                    it, but it is why nothing ignores the directory when {@code rule} is empty
     */
    record Decision(Optional<IgnoreRule> rule, Optional<IgnoreRule> reInclusion) {
    }

    private Optional<IgnorePattern> lastMatch(String path, boolean directory, List<List<IgnorePattern>> stack) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int level = stack.size() - 1; level >= 0; level--) {
            Optional<IgnorePattern> match = lastIn(stack.get(level), bytes, directory);
            if (match.isPresent()) {
                return match;
            }
        }
        Optional<IgnorePattern> match = lastIn(infoExclude, bytes, directory);
        return match.isPresent() ? match : lastIn(globalExcludes, bytes, directory);
    }

    private Optional<IgnorePattern> lastIn(List<IgnorePattern> patterns, byte[] path, boolean directory) {
        for (int i = patterns.size() - 1; i >= 0; i--) {
            if (patterns.get(i).matches(path, directory, ignoreCase)) {
                return Optional.of(patterns.get(i));
            }
        }
        return Optional.empty();
    }

    private List<IgnorePattern> gitignore(String directory) {
        return perDirectory.computeIfAbsent(directory, dir -> {
            Path file = (dir.isEmpty() ? top : top.resolve(dir)).resolve(".gitignore");
            return Files.isSymbolicLink(file) ? List.of() : read(file, IgnoreRule.Kind.GITIGNORE, dir);
        });
    }

    /** The patterns of one ignore file; a missing or unreadable file has none. */
    static List<IgnorePattern> read(Path file, IgnoreRule.Kind kind, String base) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && kind == IgnoreRule.Kind.GITIGNORE) {
                return List.of();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        IgnoreRule.Source source = new IgnoreRule.Source(file.toAbsolutePath().normalize(), kind);
        List<IgnorePattern> patterns = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            IgnorePattern.parse(line, source, i + 1, base).ifPresent(patterns::add);
        }
        return List.copyOf(patterns);
    }
}
