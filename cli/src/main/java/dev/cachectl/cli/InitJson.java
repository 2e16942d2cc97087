package dev.cachectl.cli;

import dev.cachectl.core.env.ProviderEnvironment;
import dev.cachectl.core.gitignore.GitignoreUpdate;
import dev.cachectl.core.gitignore.IgnoreRule;
import dev.cachectl.core.init.InitReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code init --json} document (schema_version 1, documented in docs/commands/init.md). */
final class InitJson {

    private InitJson() {
    }

    static Map<String, Object> document(InitReport report, String nextStep) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("project_root", report.project().root().toString());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("path", report.project().configFile().toString());
        config.put("action", report.config().jsonName());
        document.put("config", config);
        List<Object> caches = new ArrayList<>();
        for (InitReport.DirectoryResult directory : report.directories()) {
            Map<String, Object> cache = new LinkedHashMap<>();
            cache.put("provider", directory.location().id());
            cache.put("category", directory.location().provider().category().jsonName());
            cache.put("path", directory.location().directory().toString());
            cache.put("action", directory.action().jsonName());
            cache.put("created", directory.created().stream().map(Path::toString).toList());
            cache.put("error", directory.error().orElse(null));
            List<String> set = List.of();
            List<String> unset = List.of();
            for (ProviderEnvironment provided : report.environment().providers()) {
                if (provided.location().equals(directory.location())) {
                    set = List.copyOf(provided.spec().set().keySet());
                    unset = provided.spec().unset();
                }
            }
            cache.put("set", set);
            cache.put("unset", unset);
            caches.add(cache);
        }
        document.put("caches", caches);
        document.put("gitignore", report.gitignore().map(InitJson::gitignore).orElse(null));
        document.put("changed", !report.unchanged());
        document.put("next_step", nextStep);
        return document;
    }

    private static Map<String, Object> gitignore(GitignoreUpdate update) {
        Map<String, Object> gitignore = new LinkedHashMap<>();
        gitignore.put("path", update.file().toString());
        gitignore.put("action", update.action().jsonName());
        gitignore.put("method", update.method().jsonName());
        gitignore.put("added", update.added());
        List<Object> directories = new ArrayList<>();
        for (GitignoreUpdate.DirectoryOutcome outcome : update.directories()) {
            Map<String, Object> directory = new LinkedHashMap<>();
            directory.put("path", outcome.verdict().directory().toString());
            directory.put("outcome", outcome.outcome().jsonName());
            directory.put("entry", outcome.entry().isEmpty() ? null : outcome.entry());
            directory.put("rule", outcome.verdict().rule().map(InitJson::rule).orElse(null));
            directories.add(directory);
        }
        gitignore.put("directories", directories);
        return gitignore;
    }

    private static Map<String, Object> rule(IgnoreRule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", rule.source().file().toString());
        map.put("kind", rule.source().kind().jsonName());
        map.put("line", rule.line());
        map.put("pattern", rule.pattern());
        return map;
    }

    /** A path relative to the project root with {@code /} when inside it, else absolute. */
    static String shown(Path projectRoot, Path path) {
        if (path.startsWith(projectRoot) && !path.equals(projectRoot)) {
            return projectRoot.relativize(path).toString().replace('\\', '/');
        }
        return path.toString();
    }
}
