/** A cachectl provider for NLTK data (corpora, tokenizers, taggers). Exports nothing. */
module com.example.cachectl.nltk {
    requires dev.cachectl.api;

    provides dev.cachectl.api.CacheProvider with com.example.cachectl.nltk.NltkDataProvider;
}
