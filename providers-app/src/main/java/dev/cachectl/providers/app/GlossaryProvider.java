package dev.cachectl.providers.app;

/** The pipeline's translation glossary cache, in {@code glossary/cache} by default. */
public final class GlossaryProvider extends ApplicationCacheProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public GlossaryProvider() {
        super("glossary", "Glossary", "glossary/cache");
    }
}
