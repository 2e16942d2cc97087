/**
 * The cachectl provider SPI: implement {@link dev.cachectl.api.CacheProvider} and register it with
 * {@code provides dev.cachectl.api.CacheProvider with ...}.
 */
module dev.cachectl.api {
    exports dev.cachectl.api;
}
