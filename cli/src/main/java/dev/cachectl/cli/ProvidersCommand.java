package dev.cachectl.cli;

import static dev.cachectl.core.text.TerminalText.escape;

import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.registry.PluginFolder;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cachectl providers}: every provider, where it came from and whether it works, and the plugin folders. */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {"List the cache providers: id, name, category, version, module, source and state, then the"
                + " folders searched for plugin jars.",
                "A jar of the project's .cachectl/plugins is listed as untrusted until you trust it ('cachectl"
                        + " plugins trust'); a folder or jar others could write is refused.",
                "Exits 1 when a provider or plugin jar failed to load, is untrusted or refused (each is explained on"
                        + " stderr)."})
final class ProvidersCommand implements Callable<Integer> {

    private static final String UNTRUSTED = "PLUGIN_UNTRUSTED";
    private static final String UNSAFE = "PLUGIN_UNSAFE";

    private final RootCommand root;

    @Option(names = "--json", description = "Print a JSON document (schema_version 1) instead of a table.")
    private boolean json;

    ProvidersCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        List<PluginFolder> folders = root.pluginFolders();
        ProviderRegistry registry = root.registry();
        PrintWriter out = root.invocation().out();
        if (json) {
            out.print(JsonText.write(toJson(registry, folders)));
        } else {
            Table table = new Table("ID", "NAME", "CATEGORY", "VERSION", "MODULE", "SOURCE", "STATE");
            for (RegisteredProvider p : registry.providers()) {
                table.row(p.id(), p.displayName(), p.category().jsonName(), p.version(), p.origin().module(),
                        p.origin().source(), "ok");
            }
            for (ProviderFailure f : registry.failures()) {
                table.row(f.id(), "-", "-", "-", f.origin().module(), f.origin().source(), state(f));
            }
            table.print(out);
            out.println();
            if (root.noPlugins()) {
                out.println("Plugin folders: none searched (--no-plugins)");
            }
            if (!folders.isEmpty()) {
                out.println("Plugin folders, in search order:");
            }
            int n = 1;
            for (PluginFolder folder : folders) {
                out.println("  " + n++ + ". " + escape(folder.path()) + " (" + originLabel(folder.origin())
                        + (folder.exists() ? "" : ", does not exist") + ")");
            }
        }
        for (ProviderFailure f : registry.failures()) {
            root.invocation().err().println("cachectl: " + escape(f.subject() + " " + (f.code().equals(UNTRUSTED)
                    ? "not loaded" : f.code().equals(UNSAFE) ? "refused" : "failed") + ": " + f.reason()));
        }
        return registry.failures().isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
    }

    /**
     * {@code untrusted} for a project jar not trusted yet, {@code refused} for an unsafe folder or jar,
     * {@code failed} for the rest.
     */
    private static String state(ProviderFailure failure) {
        return switch (failure.code()) {
            case UNTRUSTED -> "untrusted";
            case UNSAFE -> "refused";
            default -> "failed";
        };
    }

    private static String originLabel(PluginFolder.Origin origin) {
        return origin == PluginFolder.Origin.OPTION ? "--plugins" : origin.jsonName();
    }

    private static Map<String, Object> toJson(ProviderRegistry registry, List<PluginFolder> folders) {
        List<Object> providers = new ArrayList<>();
        for (RegisteredProvider p : registry.providers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", p.id());
            entry.put("display_name", p.displayName());
            entry.put("category", p.category().jsonName());
            entry.put("version", p.version());
            entry.put("api_version", p.apiVersion());
            entry.put("module", p.origin().module());
            entry.put("layer", p.origin().layer());
            entry.put("jar", p.origin().jar());
            entry.put("source", p.origin().source());
            entry.put("config_key", p.configKey().dotted());
            entry.put("default_path", p.defaultPath());
            entry.put("state", "ok");
            entry.put("error_code", null);
            entry.put("error", null);
            providers.add(entry);
        }
        for (ProviderFailure f : registry.failures()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", f.id());
            entry.put("display_name", null);
            entry.put("category", null);
            entry.put("version", null);
            entry.put("api_version", null);
            entry.put("module", f.origin().module());
            entry.put("layer", f.origin().layer());
            entry.put("jar", f.origin().jar());
            entry.put("source", f.origin().source());
            entry.put("config_key", null);
            entry.put("default_path", null);
            entry.put("state", state(f));
            entry.put("error_code", f.code());
            entry.put("error", f.reason());
            providers.add(entry);
        }
        List<Object> pluginDirs = new ArrayList<>();
        for (PluginFolder folder : folders) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", folder.path().toString());
            entry.put("origin", folder.origin().jsonName());
            entry.put("exists", folder.exists());
            pluginDirs.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("providers", providers);
        document.put("plugin_dirs", pluginDirs);
        return document;
    }
}
