package dev.cachectl.core.gitignore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cachectl's matcher must agree with real git, rule for rule: for every path, the same deciding file, line and
 * pattern (or none). Hand-written cases cover each documented rule; seeded random ones cover combinations.
 */
class GitignoreMatchingAgainstGitTest {

    @TempDir
    Path temp;

    @Test
    void documentedRulesAgree() throws Exception {
        GitFixture git = new GitFixture(temp).init();
        git.write(".gitignore", String.join("\n",
                "# comment", "", "/.cache/", "out/*_cache/", "!out/keep_cache/", "**/logs", "build/**",
                "a/**/z/", "foo**/bar", "*.tmp/", "\\#hash", "\\!bang", "trail  ", "esc\\ ", "[!ab]x/", "q?/",
                "[[:digit:]]*/", "deep/one", "/anch/", "nested/", "glossary/cache\r", "") + "\n");
        git.write("nested/.gitignore", "!*\ninner/\n/only-here/\n");
        git.write("keepme/.gitignore", "!keepme\n");
        git.write(".git/info/exclude", "excluded/\n!out/\n");
        git.write("../home/.config/git/ignore", "global/\n");
        List<String> paths = List.of(".cache", ".cache/torch", "x/.cache", "out/tmdb_cache", "out/keep_cache",
                "out/x/y_cache", "logs", "a/logs", "a/b/logs/c", "build", "build/x", "build/x/y", "a/z", "a/b/c/z",
                "foo/bar", "fooz/q/bar", "x.tmp", "y/x.tmp", "#hash", "!bang", "trail", "trail  ", "esc ", "cx",
                "ax", "q1", "q12", "9lives", "deep/one", "x/deep/one", "anch", "x/anch", "nested", "nested/inner",
                "nested/only-here", "nested/x/only-here", "excluded", "out", "global", "glossary/cache",
                "keepme", "ü/über", "AB", "ab");
        for (String existing : List.of(".cache/torch", "out/keep_cache", "build/x", "nested/inner", "trail")) {
            java.nio.file.Files.createDirectories(git.top.resolve(existing));
        }
        assertSameAsGit(git, paths);
    }

    @Test
    void caseFoldingFollowsCoreIgnorecase() throws Exception {
        GitFixture git = new GitFixture(temp).init();
        git.run("config", "core.ignorecase", "true");
        git.write(".gitignore", "/Cache/\n[A-C]x/\nMixed*/\n");
        assertSameAsGit(git, List.of("cache", "CACHE", "bx", "Bx", "mixedcase", "MIXEDcase", "dx"));
    }

    @RepeatedTest(60)
    void randomPatternsAgree(RepetitionInfo repetition) throws Exception {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        GitFixture git = new GitFixture(temp).init();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            paths.add(randomPath(random));
        }
        Set<String> directories = new LinkedHashSet<>();
        directories.add("");
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                directories.add(path.substring(0, slash));
            }
        }
        List<String> dirs = new ArrayList<>(directories);
        for (int file = 0; file < 1 + random.nextInt(3); file++) {
            String dir = dirs.get(random.nextInt(dirs.size()));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                lines.append(randomPattern(random)).append('\n');
            }
            git.write(dir.isEmpty() ? ".gitignore" : dir + "/.gitignore", lines.toString());
        }
        for (String path : paths) {
            if (random.nextInt(3) == 0) {
                java.nio.file.Files.createDirectories(git.top.resolve(path));
            }
        }
        if (random.nextBoolean()) {
            git.write(".git/info/exclude", randomPattern(random) + "\n" + randomPattern(random) + "\n");
        }
        assertSameAsGit(git, paths);
    }

    private static final String[] NAMES = {"a", "b", "ab", "ba", ".cache", "x y", "cache", "A", "ü", "a.b", "hub"};
    private static final String[] GLOBS = {"*", "**", "?", "a*", "*b", "[ab]", "[!a]*", "a?", "*.b", "[a-c]*",
            "\\a", "c*e", "**", "*/", "**/*"};

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        for (int i = 0, depth = 1 + random.nextInt(4); i < depth; i++) {
            path.append(i == 0 ? "" : "/").append(NAMES[random.nextInt(NAMES.length)]);
        }
        return path.toString();
    }

    private static String randomPattern(Random random) {
        StringBuilder pattern = new StringBuilder();
        if (random.nextInt(4) == 0) {
            pattern.append('!');
        }
        if (random.nextInt(3) == 0) {
            pattern.append('/');
        }
        for (int i = 0, segments = 1 + random.nextInt(3); i < segments; i++) {
            if (i > 0) {
                pattern.append('/');
            }
            pattern.append(random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)]
                    : GLOBS[random.nextInt(GLOBS.length)]);
        }
        if (random.nextInt(3) == 0) {
            pattern.append('/');
        }
        if (random.nextInt(10) == 0) {
            pattern.append("  ");
        }
        return pattern.toString();
    }

    private static void assertSameAsGit(GitFixture git, List<String> paths) throws Exception {
        GitRepository repository = git.repository();
        List<Optional<IgnoreRule>> fromGit = GitCheckIgnore.decide(GitCheckIgnore.git(git.host, git.top).orElseThrow(),
                git.top, repository, paths, git.host);
        IgnoreMatcher matcher = IgnoreMatcher.open(git.top, Optional.of(repository), git.host);
        for (int i = 0; i < paths.size(); i++) {
            Optional<IgnoreRule> ours = matcher.decideContents(paths.get(i),
                    java.nio.file.Files.isDirectory(git.top.resolve(paths.get(i)))).rule();
            assertThat(describe(ours)).as("path '%s' with ignore files %s", paths.get(i), ignoreFiles(git))
                    .isEqualTo(describe(fromGit.get(i)));
        }
    }

    private static String describe(Optional<IgnoreRule> rule) {
        return rule.map(r -> r.source().kind() + " " + r.source().file() + ":" + r.line() + " " + r.pattern())
                .orElse("no rule");
    }

    private static Map<String, String> ignoreFiles(GitFixture git) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        try (var walk = java.nio.file.Files.walk(git.top)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals(".gitignore")
                    || p.endsWith("info/exclude")).toList()) {
                files.put(git.top.relativize(file).toString(), java.nio.file.Files.readString(file));
            }
        }
        return files;
    }
}
