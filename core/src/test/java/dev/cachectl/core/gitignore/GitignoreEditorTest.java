package dev.cachectl.core.gitignore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.HostEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every case twice: with the real git, and with git off the PATH (the built-in matcher). */
class GitignoreEditorTest {

    @TempDir
    Path temp;

    private GitFixture git;
    private HostEnvironment host;

    private void setUp(boolean withGit) throws Exception {
        git = new GitFixture(temp).init();
        if (withGit) {
            host = git.host;
        } else {
            Map<String, String> variables = new HashMap<>(git.host.variables());
            variables.put("PATH", temp.resolve("empty-bin").toString());
            host = new HostEnvironment(variables, git.home, false);
        }
    }

    private List<Path> caches(String... relative) {
        return java.util.Arrays.stream(relative).map(r -> r.startsWith("/") ? Path.of(r) : git.top.resolve(r))
                .toList();
    }

    @ParameterizedTest(name = "with git: {0}")
    @ValueSource(booleans = {true, false})
    void createsTheFileOnceAndASecondRunChangesNothing(boolean withGit) throws Exception {
        setUp(withGit);
        List<Path> dirs = caches(".cache/torch", "out/tmdb_cache", "weird [x]*?", "/elsewhere/hub");

        GitignoreUpdate first = GitignoreEditor.ensureIgnored(git.top, dirs, host);
        assertThat(first.method()).isEqualTo(withGit ? CoverageReport.Method.GIT : CoverageReport.Method.BUILT_IN);
        assertThat(first.action()).isEqualTo(GitignoreUpdate.Action.CREATED);
        assertThat(first.added()).containsExactly("/.cache/torch/", "/out/tmdb_cache/", "/weird \\[x]\\*\\?/");
        assertThat(first.directories().get(3).outcome()).isEqualTo(GitignoreUpdate.Outcome.OUTSIDE_PROJECT);
        String content = Files.readString(git.top.resolve(".gitignore"));
        assertThat(content).isEqualTo(GitignoreEditor.HEADER + "\n/.cache/torch/\n/out/tmdb_cache/\n"
                + "/weird \\[x]\\*\\?/\n");
        assertThat(GitignoreCoverage.check(git.top, dirs.subList(0, 3), host).verdicts())
                .allMatch(IgnoreVerdict::ignoredForEveryClone);

        GitignoreUpdate second = GitignoreEditor.ensureIgnored(git.top, dirs, host);
        assertThat(second.action()).isEqualTo(GitignoreUpdate.Action.UNCHANGED);
        assertThat(second.added()).isEmpty();
        assertThat(git.top.resolve(".gitignore")).hasContent(content);
    }

    @ParameterizedTest(name = "with git: {0}")
    @ValueSource(booleans = {true, false})
    void appendsAfterExistingLinesKeepingCrlfAndAddingTheMissingNewline(boolean withGit) throws Exception {
        setUp(withGit);
        String original = "target/\r\n/.cache/\r\nout/*\r\n!out/tmdb_cache/\r\n*.log";
        git.write(".gitignore", original);
        git.write(".git/info/exclude", "/glossary/\n");

        GitignoreUpdate update = GitignoreEditor.ensureIgnored(git.top,
                caches(".cache/huggingface", "out/tmdb_cache", "out/musicbrainz_cache", "glossary/cache"), host);

        assertThat(update.directories()).extracting(GitignoreUpdate.DirectoryOutcome::outcome).containsExactly(
                GitignoreUpdate.Outcome.ALREADY_IGNORED, GitignoreUpdate.Outcome.RE_INCLUDED,
                GitignoreUpdate.Outcome.ALREADY_IGNORED, GitignoreUpdate.Outcome.ADDED);
        assertThat(update.directories().get(1).verdict().rule()).get().extracting(IgnoreRule::pattern)
                .isEqualTo("!out/tmdb_cache/");
        assertThat(Files.readString(git.top.resolve(".gitignore"))).isEqualTo(original + "\r\n\r\n"
                + GitignoreEditor.HEADER + "\r\n/glossary/cache/\r\n");
    }

    @ParameterizedTest(name = "with git: {0}")
    @ValueSource(booleans = {true, false})
    void aDeeperGitignoreThatReIncludesTheCacheIsRespected(boolean withGit) throws Exception {
        setUp(withGit);
        git.write("glossary/.gitignore", "!cache/\n");
        git.write(".gitignore", "/glossary/*\n");

        GitignoreUpdate update = GitignoreEditor.ensureIgnored(git.top, caches("glossary/cache"), host);

        assertThat(update.action()).isEqualTo(GitignoreUpdate.Action.UNCHANGED);
        assertThat(update.directories().getFirst().outcome()).isEqualTo(GitignoreUpdate.Outcome.RE_INCLUDED);
        assertThat(update.directories().getFirst().verdict().rule()).get().extracting(r -> r.source().file())
                .isEqualTo(git.top.resolve("glossary/.gitignore"));
        assertThat(git.top.resolve(".gitignore")).hasContent("/glossary/*\n");
    }

    @ParameterizedTest(name = "with git: {0}")
    @ValueSource(booleans = {true, false})
    void contentPatternsAndACachesOwnGitignoreCount(boolean withGit) throws Exception {
        setUp(withGit);
        git.write(".gitignore", ".cache/**\n");
        git.write("out/tool_cache/.gitignore", "*\n");

        CoverageReport report = GitignoreCoverage.check(git.top, caches(".cache/torch", "out/tool_cache", "src"),
                host);

        assertThat(report.verdicts()).extracting(IgnoreVerdict::state).containsExactly(IgnoreVerdict.State.IGNORED,
                IgnoreVerdict.State.IGNORED, IgnoreVerdict.State.NOT_IGNORED);
        assertThat(report.gitRepository()).isTrue();
    }
}
