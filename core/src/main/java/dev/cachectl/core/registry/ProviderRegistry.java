package dev.cachectl.core.registry;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The providers of this run: the built-in ones from the boot layer (and, later, plugin layers), each
 * loaded and queried inside its own failure boundary. A provider that fails is listed in
 * {@link #failures()} and the rest work.
 *
 * @param providers the working providers, model caches first, then application caches, each by id
 * @param failures  providers that could not be loaded, in discovery order
 */
public record ProviderRegistry(List<RegisteredProvider> providers, List<ProviderFailure> failures) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

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
        Builder builder = new Builder();
        collect(ServiceLoader.load(CacheProvider.class, ProviderRegistry.class.getClassLoader()), null, builder);
        return builder.build();
    }

    /**
     * The providers of the given layers. A provider is counted only in the layer that defines it, so a
     * plugin layer's loader does not return the boot layer's providers twice.
     */
    public static ProviderRegistry load(List<ModuleLayer> layers) {
        Builder builder = new Builder();
        for (ModuleLayer layer : layers) {
            collect(ServiceLoader.load(layer, CacheProvider.class), layer, builder);
        }
        return builder.build();
    }

    /** Adds every provider of {@code loader}; when {@code layer} is given, only those it defines. */
    private static void collect(ServiceLoader<CacheProvider> loader, ModuleLayer layer, Builder builder) {
        Iterator<CacheProvider> it = loader.iterator();
        while (true) {
            CacheProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                builder.failures.add(new ProviderFailure(errorSubject(e), new ProviderOrigin("unknown",
                        layer == null ? "boot" : "plugin", ""), "could not be instantiated: " + rootMessage(e)
                        + "; fix the provider class or remove its jar"));
                continue;
            }
            Module module = provider.getClass().getModule();
            if (layer != null && module.getLayer() != layer) {
                continue;
            }
            builder.add(provider);
        }
    }

    /** A registry of the given instances (for tests and embedding). */
    public static ProviderRegistry of(List<? extends CacheProvider> instances) {
        Builder builder = new Builder();
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

    private static String errorSubject(ServiceConfigurationError e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": Provider ");
        if (colon >= 0) {
            String rest = message.substring(colon + ": Provider ".length());
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }
        return "unknown provider";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ProviderCallException.describe(root);
    }

    /** Collects providers, checking each one's metadata inside a failure boundary. */
    private static final class Builder {
        private final Map<String, RegisteredProvider> byId = new LinkedHashMap<>();
        private final List<ProviderFailure> failures = new ArrayList<>();

        void add(CacheProvider provider) {
            ProviderOrigin origin = ProviderOrigin.of(provider.getClass());
            String subject = provider.getClass().getName();
            RegisteredProvider registered;
            try {
                subject = String.valueOf(provider.id());
                registered = describe(provider, origin);
            } catch (RuntimeException | LinkageError e) {
                failures.add(new ProviderFailure(subject, origin, "failed while describing itself: "
                        + ProviderCallException.describe(e) + "; report it to the provider's author or remove its jar"));
                return;
            } catch (InvalidProviderException e) {
                failures.add(new ProviderFailure(subject, origin, e.getMessage()));
                return;
            }
            RegisteredProvider existing = byId.get(registered.id());
            if (existing != null) {
                String reason = "duplicate provider id '" + registered.id() + "': already provided by "
                        + existing.origin().module() + " (" + existing.origin().source() + "); "
                        + (existing.origin().builtIn() ? "built-in ids cannot be taken over; " : "")
                        + "remove one of the two jars or give this provider another id";
                failures.add(new ProviderFailure(registered.id(), origin, reason));
                return;
            }
            byId.put(registered.id(), registered);
        }

        private static RegisteredProvider describe(CacheProvider provider, ProviderOrigin origin)
                throws InvalidProviderException {
            int api = provider.apiVersion();
            if (api < CacheProvider.MIN_SUPPORTED_API_VERSION || api > CacheProvider.API_VERSION) {
                throw new InvalidProviderException("built against cachectl API version " + api + ", but this"
                        + " cachectl supports versions " + CacheProvider.MIN_SUPPORTED_API_VERSION + " to "
                        + CacheProvider.API_VERSION + "; rebuild the provider against this cachectl's api jar");
            }
            String id = require(provider.id(), "id()");
            if (!ID.matcher(id).matches()) {
                throw new InvalidProviderException("invalid id '" + id + "': use 1-64 lowercase letters, digits,"
                        + " '_' or '-', starting with a letter");
            }
            String defaultPath = require(provider.defaultPath(), "defaultPath()");
            if (defaultPath.isBlank() || defaultPath.startsWith("/") || defaultPath.contains("..")) {
                throw new InvalidProviderException("invalid default path '" + defaultPath + "': it must be"
                        + " relative to the project root and stay inside it");
            }
            return new RegisteredProvider(provider, id, require(provider.displayName(), "displayName()"),
                    require(provider.category(), "category()"), require(provider.configKey(), "configKey()"),
                    defaultPath, require(provider.rules(), "rules()"), require(provider.version(), "version()"),
                    api, origin);
        }

        private static <T> T require(T value, String method) throws InvalidProviderException {
            if (value == null) {
                throw new InvalidProviderException(method + " returned null, which the SPI forbids;"
                        + " report it to the provider's author");
            }
            return value;
        }

        ProviderRegistry build() {
            List<RegisteredProvider> sorted = new ArrayList<>(byId.values());
            sorted.sort(Comparator.comparing(RegisteredProvider::category).thenComparing(RegisteredProvider::id));
            return new ProviderRegistry(sorted, failures);
        }
    }

    /** A provider that answered, but broke the SPI contract. */
    private static final class InvalidProviderException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidProviderException(String message) {
            super(message);
        }
    }
}
