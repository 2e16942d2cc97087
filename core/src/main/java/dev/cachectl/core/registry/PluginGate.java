package dev.cachectl.core.registry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, before any code of a plugin folder runs, whether the folder and each of its jars may be loaded. A
 * refusal is reported like any other plugin failure (id, jar, code, reason and fix) and nothing of the jar is
 * read beyond what the gate itself reads.
 */
public interface PluginGate {

    /** Loads everything: for tests and embedding. */
    PluginGate OPEN = new PluginGate() {
        @Override
        public Optional<ProviderFailure> refuseFolder(PluginFolder folder) {
            return Optional.empty();
        }

        @Override
        public Optional<ProviderFailure> refuseJar(PluginFolder folder, Path jar) {
            return Optional.empty();
        }
    };

    /** Why no jar of {@code folder} (which exists) may be loaded, when none may. */
    Optional<ProviderFailure> refuseFolder(PluginFolder folder);

    /** Why {@code jar} of {@code folder} may not be loaded, when it may not. */
    Optional<ProviderFailure> refuseJar(PluginFolder folder, Path jar);
}
