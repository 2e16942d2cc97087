package dev.cachectl.core.registry;

import java.util.Objects;

/**
 * Where a provider was loaded from.
 *
 * @param module the module name, or {@code "unnamed"} for a provider supplied directly (tests)
 * @param layer  {@code "boot"} for providers shipped with cachectl, {@code "plugin"} for plugin jars
 * @param jar    the jar's path, or {@code ""} when unknown
 */
public record ProviderOrigin(String module, String layer, String jar) {

    /** The layer name of providers shipped with cachectl. */
    public static final String BOOT_LAYER = "boot";

    /** The layer name of providers loaded from plugin jars. */
    public static final String PLUGIN_LAYER = "plugin";

    /** Validates the fields. */
    public ProviderOrigin {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(jar, "jar");
    }

    /** Whether the provider ships with cachectl (the boot layer). */
    public boolean builtIn() {
        return BOOT_LAYER.equals(layer);
    }

    /** {@code "built-in"} or the jar path, for tables and JSON. */
    public String source() {
        return builtIn() ? "built-in" : jar;
    }

    /** The origin of a provider instance: its module, its layer and the jar that module came from. */
    static ProviderOrigin of(Class<?> type) {
        Module module = type.getModule();
        if (!module.isNamed()) {
            return new ProviderOrigin("unnamed", BOOT_LAYER, jarOf(type));
        }
        return of(module.getLayer(), module.getName());
    }

    /** The origin of a module of {@code layer} (the boot layer, or a plugin layer). */
    static ProviderOrigin of(ModuleLayer layer, String moduleName) {
        String jar = layer == null ? "" : layer.configuration().findModule(moduleName)
                .flatMap(resolved -> resolved.reference().location())
                .map(uri -> "file".equals(uri.getScheme()) ? java.nio.file.Path.of(uri).toString() : uri.toString())
                .orElse("");
        return new ProviderOrigin(moduleName, layer == ModuleLayer.boot() ? BOOT_LAYER : PLUGIN_LAYER, jar);
    }

    private static String jarOf(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "" : source.getLocation().getPath();
    }
}
