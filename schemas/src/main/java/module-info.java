/** The JSON Schema of {@code config/hardware_cache.json}, as a resource. Requires nothing. */
module dev.cachectl.schemas {
    exports dev.cachectl.schemas;
}
