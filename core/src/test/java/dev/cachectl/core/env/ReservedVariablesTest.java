package dev.cachectl.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The variables no provider may touch, and that every built-in provider's stay allowed. */
class ReservedVariablesTest {

    @Test
    void codePathsAndShellStartUpAreReservedInAnyCase() {
        for (String name : List.of("PATH", "path", "LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES",
                "PYTHONPATH", "HOME", "BASH_ENV", "ENV", "ZDOTDIR", "PROMPT_COMMAND", "BASH_FUNC_ls%%",
                "GIT_SSH_COMMAND", "NODE_OPTIONS", "JAVA_TOOL_OPTIONS", "CACHECTL_PROJECT_ROOT",
                "CACHECTL_SAFE_DIRECTORIES", "CACHECTL_PROVIDER_TIMEOUT", "CACHECTL_TRUST_PROJECT_PLUGINS")) {
            assertThat(ReservedVariables.reason(name)).as(name).isPresent();
        }
    }

    @Test
    void cacheVariablesAreNot() {
        for (String name : List.of("HF_HOME", "HF_HUB_CACHE", "TORCH_HOME", "MLX_CACHE_DIR", "TRANSFORMERS_CACHE",
                "PYTORCH_TRANSFORMERS_CACHE", "NLTK_DATA", "CACHECTL_TMDB_CACHE", "PYTHONPYCACHEPREFIX",
                "XDG_CACHE_HOME")) {
            assertThat(ReservedVariables.reason(name)).as(name).isEmpty();
        }
    }
}
