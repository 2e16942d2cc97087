package dev.cachectl.core.registry;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.core.log.DebugLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The providers of this run: the built-in ones from the boot layer and those of plugin jars, each loaded and
 * queried inside its own failure boundary. A provider (or plugin jar) that fails is listed in
 * {@link #failures()} and the rest work.
 *
 * @param providers the working providers, model caches first, then application caches, each by id
 * @param failures  providers and plugin jars that could not be used, in discovery order
 */
public record ProviderRegistry(List<RegisteredProvider> providers, List<ProviderFailure> failures) {

    /** Copies the lists. */
    public ProviderRegistry {
        providers = List.copyOf(providers);
        failures = List.copyOf(failures);
    }

    /**
     * The providers shipped with cachectl: the boot layer's modules and, when run from a class path (tests,
     * embedding), {@code META-INF/services} entries of the application class loader.
     */
    public static ProviderRegistry loadBuiltIn() {
        return loadWithPlugins(List.of());
    }

    /**
     * The built-in providers, then those of the plugin jars of each folder in search order, one module layer per
     * folder. Built-in ids always win; between plugins, the first found wins and the other is reported.
     */
    public static ProviderRegistry loadWithPlugins(List<PluginFolder> folders) {
        return loadWithPlugins(folders, ProviderDeadline.DEFAULT, PluginGate.OPEN);
    }

    /**
     * As {@link #loadWithPlugins(List)}, loading only the folders and jars {@code gate} lets through, with every
     * call into a plugin (its creation included) given up after {@code deadline}.
     */
    public static ProviderRegistry loadWithPlugins(List<PluginFolder> folders, ProviderDeadline deadline,
                                                   PluginGate gate) {
        ProviderRegistryBuilder builder = new ProviderRegistryBuilder(deadline);
        collect(ServiceLoader.load(CacheProvider.class, ProviderRegistry.class.getClassLoader()), null, builder);
        for (PluginFolder folder : folders) {
            DebugLog.debug(ProviderRegistry.class, "plugin folder {} ({}): {}", folder.path(),
                    folder.origin().name().toLowerCase(Locale.ROOT), folder.exists() ? "searching" : "absent");
            PluginLayers.FolderLayer loaded = PluginLayers.load(folder, ModuleLayer.boot(), gate);
            loaded.failures().forEach(builder::fail);
            loaded.layer().ifPresent(layer -> collect(ServiceLoader.load(layer, CacheProvider.class), layer, builder));
        }
        ProviderRegistry registry = builder.build();
        if (DebugLog.enabled()) {
            registry.providers().forEach(p -> DebugLog.debug(ProviderRegistry.class, "provider {} {} from {} ({})",
                    p.id(), p.version(), p.origin().module(), p.origin().source()));
            registry.failures().forEach(f -> DebugLog.debug(ProviderRegistry.class, "provider {} not loaded, from {}"
                    + " ({}): {} {}", f.id(), f.origin().module(), f.origin().source(), f.code(), f.reason()));
        }
        return registry;
    }

    /**
     * The providers of the given layers. A provider is counted only in the layer that defines it, so a
     * plugin layer's loader does not return the boot layer's providers twice.
     */
    public static ProviderRegistry load(List<ModuleLayer> layers) {
        ProviderRegistryBuilder builder = new ProviderRegistryBuilder(ProviderDeadline.DEFAULT);
        for (ModuleLayer layer : layers) {
            collect(ServiceLoader.load(layer, CacheProvider.class), layer, builder);
        }
        return builder.build();
    }

    /**
     * Adds every provider of {@code loader}; when {@code layer} is given, only those it defines (a layer's
     * loader also returns its parents' providers, which were counted with their own layer), in jar and class
     * name order, so which of two providers with one id wins does not depend on the module system's hash order.
     */
    private static void collect(ServiceLoader<CacheProvider> loader, ModuleLayer layer, ProviderRegistryBuilder builder) {
        List<CacheProvider> found = new ArrayList<>();
        // iterator(), not stream(): a stream stops at the first provider that cannot be loaded.
        Iterator<CacheProvider> it = loader.iterator();
        // Creating a plugin's provider runs its static initialiser and constructor: inside the boundary too.
        ProviderDeadline deadline = layer == null ? null : builder.deadline();
        while (true) {
            CacheProvider provider;
            try {
                provider = ProviderCalls.run(() -> it.hasNext() ? it.next() : null, deadline);
                if (provider == null) {
                    break;
                }
            } catch (ProviderCalls.Failure failure) {
                if (failure.getCause() instanceof ServiceConfigurationError e) {
                    String className = errorSubject(e);
                    Optional<Module> module = layer == null ? Optional.empty() : moduleOf(layer, className);
                    if (layer != null && module.isEmpty()) {
                        continue;
                    }
                    ProviderOrigin origin = module.map(m -> ProviderOrigin.of(layer, m.getName()))
                            .orElse(new ProviderOrigin("unknown", ProviderOrigin.BOOT_LAYER, ""));
                    builder.fail(new ProviderFailure(className, origin, "PROVIDER_INSTANTIATION", "could not be"
                            + " instantiated: " + ProviderCallException.describe(PluginProblems.rootCause(e))
                            + "; fix the provider class or remove its jar"));
                    continue;
                }
                // It hung (or threw past the service loader): the iterator cannot be trusted any more.
                List<String> names = layer == null ? List.of() : layer.modules().stream().map(Module::getName)
                        .sorted().toList();
                String modules = names.isEmpty() ? "unknown" : String.join(", ", names);
                ProviderOrigin origin = names.size() == 1 ? ProviderOrigin.of(layer, names.getFirst())
                        : new ProviderOrigin(modules, layer == null ? ProviderOrigin.BOOT_LAYER
                        : ProviderOrigin.PLUGIN_LAYER, "");
                builder.fail(new ProviderFailure(names.size() == 1 ? names.getFirst() : "unknown provider", origin,
                        failure.timedOut() ? "PROVIDER_TIMEOUT" : "PROVIDER_INSTANTIATION",
                        "creating a provider of module(s) " + modules + " " + failure.getMessage() + "; the rest of"
                                + " this folder's providers are skipped: fix or remove the jar"));
                break;
            }
            if (layer == null || provider.getClass().getModule().getLayer() == layer) {
                found.add(provider);
            }
        }
        if (layer != null) {
            found.sort(Comparator.comparing((CacheProvider p) -> ProviderOrigin.of(p.getClass()).jar())
                    .thenComparing(p -> p.getClass().getName()));
        }
        found.forEach(builder::add);
    }

    /** A registry of the given instances (for tests and embedding). */
    public static ProviderRegistry of(List<? extends CacheProvider> instances) {
        ProviderRegistryBuilder builder = new ProviderRegistryBuilder(ProviderDeadline.DEFAULT);
        instances.forEach(builder::add);
        return builder.build();
    }

    /** The working provider with this id. */
    public Optional<RegisteredProvider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The working providers of a category. */
    public List<RegisteredProvider> byCategory(CacheCategory category) {
        return providers.stream().filter(p -> p.category() == category).toList();
    }

    /**
     * The provider class a {@link ServiceConfigurationError} is about. Its messages read
     * {@code "<service>: Provider <class> could not be instantiated"} or {@code "<service>: <class> <problem>"}.
     */
    private static String errorSubject(ServiceConfigurationError e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return "unknown provider";
        }
        String rest = message.substring(colon + 2);
        if (rest.startsWith("Provider ")) {
            rest = rest.substring("Provider ".length());
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** The module of {@code layer} (not of its parents) holding the package of {@code className}. */
    private static Optional<Module> moduleOf(ModuleLayer layer, String className) {
        int dot = className.lastIndexOf('.');
        String packageName = dot < 0 ? "" : className.substring(0, dot);
        return layer.modules().stream().filter(m -> m.getPackages().contains(packageName)).findFirst();
    }
}
