package dev.cachectl.api;

/** The group a cache belongs to; {@code cachectl clear models} and {@code clear app} select by it. */
public enum CacheCategory {
    /** Downloaded model weights and code (torch, Hugging Face, MLX). Large, slow to download again. */
    MODEL,
    /** Application data caches (metadata lookups, glossaries). Many small files, cheap to rebuild. */
    APPLICATION;

    /** The lowercase name used in JSON output and on the command line. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
