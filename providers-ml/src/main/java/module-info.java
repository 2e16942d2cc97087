/** Built-in model cache providers: torch, huggingface, mlx. Exports nothing. */
module dev.cachectl.providers.ml {
    requires dev.cachectl.api;

    provides dev.cachectl.api.CacheProvider with
            dev.cachectl.providers.ml.TorchProvider,
            dev.cachectl.providers.ml.HuggingFaceProvider,
            dev.cachectl.providers.ml.MlxProvider;
}
