/**
 * Builders for realistic cache trees on disk (a Hugging Face hub cache, a torch cache), used by the tests of
 * every module, and a plain {@link dev.cachectl.api.CacheTree} over them for the providers' unit tests.
 * Depends on the api only and is never shipped.
 */
module dev.cachectl.testkit {
    requires transitive dev.cachectl.api;

    exports dev.cachectl.testkit;
}
