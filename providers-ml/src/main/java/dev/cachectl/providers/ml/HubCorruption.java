package dev.cachectl.providers.ml;

/**
 * An entry of the hub cache that huggingface_hub's {@code scan_cache_dir} would skip with a
 * {@code CorruptedCacheException}.
 *
 * @param path   its path in the cache tree, e.g. {@code hub/models--org--name}
 * @param reason what is wrong, one line
 */
record HubCorruption(String path, String reason) {
}
