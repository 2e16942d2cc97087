package dev.cachectl.core.registry;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one plugin folder into a module layer whose parent is the boot layer, the way layrry does:
 * {@code ModuleFinder.of(jars)}, {@code Configuration.resolve} against the boot configuration,
 * {@code defineModulesWithOneLoader}. Every jar of the folder is a root, so a plugin may bring its dependencies
 * beside it; a plain jar becomes an automatic module (its {@code META-INF/services} entries become
 * {@code provides}).
 *
 * <p>The folder and each jar are failure boundaries. A jar that cannot be read, is a second copy of one of
 * cachectl's own modules, or repeats another jar's module is set aside before resolution. When the rest does not
 * resolve as a whole, the modules are added one at a time (repeating until nothing more can be added), so each
 * jar that does not resolve is reported with its own reason and every other jar still loads.
 */
final class PluginLayers {

    /** Modules cachectl itself is made of; a plugin folder must not bring another copy. */
    private static final String OWN_MODULE_PREFIX = "dev.cachectl.";

    private PluginLayers() {
    }

    /**
     * What loading one folder produced.
     *
     * @param layer    the plugin layer, absent when the folder is missing, empty or nothing in it loads
     * @param failures the jars that could not be used, in file name order
     */
    record FolderLayer(Optional<ModuleLayer> layer, List<ProviderFailure> failures) {

        FolderLayer {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Loads every {@code *.jar} directly inside {@code folder} that {@code gate} lets through into one layer above
     * {@code parent}.
     */
    static FolderLayer load(PluginFolder folder, ModuleLayer parent, PluginGate gate) {
        if (!folder.exists()) {
            return new FolderLayer(Optional.empty(), List.of());
        }
        List<ProviderFailure> failures = new ArrayList<>();
        Optional<ProviderFailure> folderRefused = gate.refuseFolder(folder);
        if (folderRefused.isPresent()) {
            failures.add(folderRefused.get());
            return new FolderLayer(Optional.empty(), failures);
        }
        List<Path> jars;
        try {
            jars = jarsIn(folder.path());
        } catch (IOException | RuntimeException e) {
            failures.add(ProviderFailure.ofJar(folder.path(), "unknown", "PLUGIN_UNREADABLE",
                    "cannot list the plugin folder: " + PluginProblems.rootMessage(e) + "; fix its permissions"));
            return new FolderLayer(Optional.empty(), failures);
        }
        List<Path> admitted = new ArrayList<>();
        for (Path jar : jars) {
            gate.refuseJar(folder, jar).ifPresentOrElse(failures::add, () -> admitted.add(jar));
        }
        Map<String, Path> modules = readModules(admitted, parent, failures);
        Optional<ModuleLayer> layer = modules.isEmpty() ? Optional.empty() : define(modules, parent, failures);
        failures.sort(java.util.Comparator.comparing(f -> f.origin().jar()));
        return new FolderLayer(layer, failures);
    }

    private static List<Path> jarsIn(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    jars.add(entry.toAbsolutePath().normalize());
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    /** The module of each usable jar, by module name in jar order; the unusable ones go to {@code failures}. */
    private static Map<String, Path> readModules(List<Path> jars, ModuleLayer parent, List<ProviderFailure> failures) {
        Map<String, Path> modules = new LinkedHashMap<>();
        for (Path jar : jars) {
            ModuleReference reference;
            try {
                reference = ModuleFinder.of(jar).findAll().iterator().next();
            } catch (FindException | java.util.NoSuchElementException | SecurityException e) {
                failures.add(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNREADABLE", PluginProblems.unreadable(e)));
                continue;
            }
            String name = reference.descriptor().name();
            if (name.startsWith(OWN_MODULE_PREFIX) && parent.findModule(name).isPresent()) {
                failures.add(ProviderFailure.ofJar(jar, name, "PLUGIN_BUILTIN_MODULE", "contains module " + name
                        + ", a second copy of a module of cachectl itself; plugins use the one cachectl ships:"
                        + " remove this jar from the folder (copy only the plugin and its own dependencies)"));
                continue;
            }
            Path other = modules.putIfAbsent(name, jar);
            if (other != null) {
                failures.add(ProviderFailure.ofJar(jar, name, "PLUGIN_DUPLICATE_MODULE", "contains module " + name
                        + ", which " + other.getFileName() + " in the same folder also contains; keep one of the two"
                        + " jars"));
            }
        }
        return modules;
    }

    /** The layer of all modules, or of as many as resolve together when some do not. */
    private static Optional<ModuleLayer> define(Map<String, Path> modules, ModuleLayer parent,
                                                List<ProviderFailure> failures) {
        try {
            return Optional.of(defineLayer(modules, parent));
        } catch (RuntimeException wholeFolder) {
            // Isolate: grow the accepted set one module at a time; repeat while that adds any, so a plugin listed
            // before the dependency it needs still gets in.
        }
        Map<String, Path> accepted = new LinkedHashMap<>();
        Map<String, RuntimeException> lastError = new LinkedHashMap<>();
        ModuleLayer layer = null;
        boolean added = true;
        while (added) {
            added = false;
            for (Map.Entry<String, Path> module : modules.entrySet()) {
                if (accepted.containsKey(module.getKey())) {
                    continue;
                }
                Map<String, Path> trial = new LinkedHashMap<>(accepted);
                trial.put(module.getKey(), module.getValue());
                try {
                    layer = defineLayer(trial, parent);
                    accepted = trial;
                    lastError.remove(module.getKey());
                    added = true;
                } catch (RuntimeException e) {
                    lastError.put(module.getKey(), e);
                }
            }
        }
        for (Map.Entry<String, RuntimeException> error : lastError.entrySet()) {
            Path jar = modules.get(error.getKey());
            failures.add(ProviderFailure.ofJar(jar, error.getKey(), "PLUGIN_UNRESOLVED",
                    PluginProblems.unresolved(jar, error.getValue(), modules, parent)));
        }
        return Optional.ofNullable(layer);
    }

    /** Resolves {@code modules} (all of them roots, found only among their own jars) and defines their layer. */
    private static ModuleLayer defineLayer(Map<String, Path> modules, ModuleLayer parent) {
        ModuleFinder finder = ModuleFinder.of(modules.values().toArray(Path[]::new));
        Configuration configuration = Configuration.resolve(finder, List.of(parent.configuration()), ModuleFinder.of(),
                modules.keySet());
        return ModuleLayer.defineModulesWithOneLoader(configuration, List.of(parent),
                PluginLayers.class.getClassLoader()).layer();
    }
}
