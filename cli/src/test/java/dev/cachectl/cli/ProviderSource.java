package dev.cachectl.cli;

import java.util.Locale;

/**
 * The Java source of a small {@code CacheProvider} for plugin tests, with hooks to break it on purpose: a
 * constructor that throws, a method that throws, a foreign API version.
 */
final class ProviderSource {

    private final String packageName;
    private final String className;
    private final String id;
    private String category = "MODEL";
    private String apiVersion = "CacheProvider.API_VERSION";
    private String constructorBody = "";
    private String displayName;
    private String environment;
    private String outsideLocations = "return List.of();";
    private String idBody;
    private String defaultPathOverride;
    private String members = "";
    private String staticInit = "";

    private ProviderSource(String qualifiedName, String id) {
        int dot = qualifiedName.lastIndexOf('.');
        this.packageName = qualifiedName.substring(0, dot);
        this.className = qualifiedName.substring(dot + 1);
        this.id = id;
        this.displayName = "return \"Plugin " + id + "\";";
        this.idBody = "return \"" + id + "\";";
        this.environment = "return EnvironmentSpec.setting(Map.of(\"" + variable() + "\", directory.toString()));";
    }

    /** A model cache provider {@code qualifiedName} with the given id. */
    static ProviderSource of(String qualifiedName, String id) {
        return new ProviderSource(qualifiedName, id);
    }

    /** Makes it an application cache. */
    ProviderSource application() {
        category = "APPLICATION";
        return this;
    }

    /** Replaces the body of {@code apiVersion()}'s return expression. */
    ProviderSource apiVersion(String expression) {
        apiVersion = expression;
        return this;
    }

    /** Statements run by the public no-argument constructor. */
    ProviderSource constructor(String statements) {
        constructorBody = statements;
        return this;
    }

    /** The body of {@code displayName()}. */
    ProviderSource displayName(String body) {
        displayName = body;
        return this;
    }

    /** The body of {@code environment(Path directory)}. */
    ProviderSource environment(String body) {
        environment = body;
        return this;
    }

    /** The body of {@code outsideLocations(HostEnvironment host)}. */
    ProviderSource outsideLocations(String body) {
        outsideLocations = body;
        return this;
    }

    /** The default path it declares (default: {@code .cache/<id>} or {@code out/<id>}). */
    ProviderSource defaultPath(String path) {
        defaultPathOverride = path;
        return this;
    }

    /** The body of {@code id()} (default: return the id). */
    ProviderSource idBody(String body) {
        idBody = body;
        return this;
    }

    /** More members of the class: overrides of {@code inspect}, {@code details}, helper types. */
    ProviderSource members(String text) {
        members = text;
        return this;
    }

    /** Statements of the class's static initialiser: what runs as soon as the class is loaded. */
    ProviderSource staticInit(String statements) {
        staticInit = statements;
        return this;
    }

    /** The variable the provider exports by default: {@code <ID>_HOME}. */
    String variable() {
        return id.toUpperCase(Locale.ROOT).replace('-', '_') + "_HOME";
    }

    /** The source file's path relative to the source root. */
    String path() {
        return packageName.replace('.', '/') + "/" + className + ".java";
    }

    /** The fully qualified class name. */
    String qualifiedName() {
        return packageName + "." + className;
    }

    /** The source text. */
    String text() {
        String map = category.equals("MODEL") ? "model_caches" : "application_caches";
        String defaultPath = defaultPathOverride != null ? defaultPathOverride
                : (category.equals("MODEL") ? ".cache/" : "out/") + id;
        return """
                package %s;

                import dev.cachectl.api.CacheCategory;
                import dev.cachectl.api.CacheDetails;
                import dev.cachectl.api.CacheFinding;
                import dev.cachectl.api.CacheProvider;
                import dev.cachectl.api.CacheTree;
                import dev.cachectl.api.Severity;
                import dev.cachectl.api.ConfigKey;
                import dev.cachectl.api.EnvironmentSpec;
                import dev.cachectl.api.HostEnvironment;
                import dev.cachectl.api.OutsideLocation;
                import java.nio.file.Path;
                import java.util.List;
                import java.util.Map;

                public final class %s implements CacheProvider {
                    static { %s }
                    public %s() { %s }
                    @Override public int apiVersion() { return %s; }
                    @Override public String id() { %s }
                    @Override public String displayName() { %s }
                    @Override public CacheCategory category() { return CacheCategory.%s; }
                    @Override public ConfigKey configKey() { return ConfigKey.of("%s", "%s"); }
                    @Override public String defaultPath() { return "%s"; }
                    @Override public EnvironmentSpec environment(Path directory) { %s }
                    @Override public List<OutsideLocation> outsideLocations(HostEnvironment host) { %s }
                    %s
                }
                """.formatted(packageName, className, staticInit, className, constructorBody, apiVersion, idBody,
                displayName, category, map, id, defaultPath, environment, outsideLocations, members);
    }
}
