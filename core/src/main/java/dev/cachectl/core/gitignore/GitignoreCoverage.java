package dev.cachectl.core.gitignore;

import dev.cachectl.api.HostEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, with git's own rules, whether each cache directory is ignored: by the installed {@code git} when
 * there is one and the project is in a work tree, else by cachectl's implementation of the same rules
 * (negation, anchoring, {@code **}, trailing {@code /}, nested {@code .gitignore} files,
 * {@code .git/info/exclude} and the user's global excludes file). Used by {@code init --gitignore} and
 * {@code doctor}.
 */
public final class GitignoreCoverage {

    private GitignoreCoverage() {
    }

    /** The verdict for each directory, in order. */
    public static CoverageReport check(Path projectRoot, List<Path> directories, HostEnvironment host) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Optional<GitRepository> repository = GitRepository.locate(root);
        List<String> inside = new ArrayList<>();
        for (Path directory : directories) {
            relativeTo(root, directory).ifPresent(inside::add);
        }
        Path top = repository.map(GitRepository::workTree).orElse(root);
        IgnoreMatcher matcher = IgnoreMatcher.open(top, repository, host);
        List<IgnoreMatcher.Decision> decisions = new ArrayList<>();
        for (String relative : inside) {
            String fromTop = top.relativize(root.resolve(relative)).toString().replace('\\', '/');
            decisions.add(matcher.decideContents(fromTop, Files.isDirectory(root.resolve(relative))));
        }
        Optional<String> note = Optional.empty();
        if (repository.isPresent() && !inside.isEmpty()) {
            Optional<Path> git = GitCheckIgnore.git(host, root);
            if (git.isPresent()) {
                try {
                    List<Optional<IgnoreRule>> rules = GitCheckIgnore.decide(git.get(), root, repository.get(),
                            inside, host);
                    List<IgnoreMatcher.Decision> fromGit = new ArrayList<>();
                    for (int i = 0; i < rules.size(); i++) {
                        fromGit.add(new IgnoreMatcher.Decision(rules.get(i), decisions.get(i).reInclusion()));
                    }
                    return new CoverageReport(CoverageReport.Method.GIT, true, verdicts(root, directories, fromGit),
                            Optional.empty());
                } catch (IOException e) {
                    note = Optional.of(e.getMessage() + "; used cachectl's own matcher instead");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    note = Optional.of("interrupted while asking git; used cachectl's own matcher instead");
                }
            } else {
                note = Optional.of("git is not installed; used cachectl's own matcher");
            }
        }
        return new CoverageReport(CoverageReport.Method.BUILT_IN, repository.isPresent(),
                verdicts(root, directories, decisions), note);
    }

    /** {@code directory} relative to {@code root} with {@code /}, when strictly inside it. */
    static Optional<String> relativeTo(Path root, Path directory) {
        Path normalized = directory.toAbsolutePath().normalize();
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(normalized).toString().replace('\\', '/'));
    }

    private static List<IgnoreVerdict> verdicts(Path root, List<Path> directories,
                                                List<IgnoreMatcher.Decision> decisions) {
        List<IgnoreVerdict> verdicts = new ArrayList<>();
        int next = 0;
        for (Path directory : directories) {
            Optional<String> relative = relativeTo(root, directory);
            if (relative.isEmpty()) {
                verdicts.add(new IgnoreVerdict(directory, "", IgnoreVerdict.State.OUTSIDE_PROJECT, Optional.empty()));
                continue;
            }
            IgnoreMatcher.Decision decision = decisions.get(next++);
            Optional<IgnoreRule> rule = decision.rule();
            IgnoreVerdict.State state = rule.isPresent() && !rule.get().negated() ? IgnoreVerdict.State.IGNORED
                    : IgnoreVerdict.State.NOT_IGNORED;
            if (rule.isEmpty()) {
                rule = decision.reInclusion();
            }
            verdicts.add(new IgnoreVerdict(directory, relative.get(), state, rule));
        }
        return verdicts;
    }
}
