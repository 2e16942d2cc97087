package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.gitignore.CoverageReport;
import dev.cachectl.core.gitignore.GitignoreCoverage;
import dev.cachectl.core.gitignore.IgnoreVerdict;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whether git ignores every cache directory inside the project. */
final class GitignoreCheck implements Check {

    private final Workspace workspace;

    GitignoreCheck(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return "gitignore";
    }

    @Override
    public List<Finding> run() {
        List<Path> dirs = workspace.caches().stream().map(CacheLocation::directory).toList();
        Path root = workspace.project().root();
        CoverageReport report = GitignoreCoverage.check(root, dirs, workspace.host());
        List<Finding> found = new ArrayList<>();
        List<IgnoreVerdict> tracked = report.verdicts().stream()
                .filter(v -> v.state() == IgnoreVerdict.State.NOT_IGNORED).toList();
        if (!report.gitRepository() && !tracked.isEmpty()) {
            // Nothing can be committed yet; one hint is enough.
            found.add(Finding.of(name(), "DOCTOR_GITIGNORE_MISSING", Severity.INFO, "the project is not a git work"
                    + " tree; " + tracked.size() + " cache folder(s) would not be ignored once it is",
                    "cachectl init --gitignore"));
        }
        for (IgnoreVerdict verdict : report.gitRepository() ? tracked : List.<IgnoreVerdict>of()) {
            String how = verdict.rule().map(r -> " (re-included by '" + r + "')").orElse("");
            found.add(Finding.of(name(), "DOCTOR_GITIGNORE_MISSING", Severity.WARNING, verdict.relativePath()
                    + "/ is not ignored by git" + how + ": its files could be committed", "cachectl init --gitignore")
                    .at(verdict.directory()));
        }
        report.note().ifPresent(note -> found.add(Finding.of(name(), "DOCTOR_GITIGNORE_BUILT_IN", Severity.INFO,
                note, "")));
        return found;
    }
}
