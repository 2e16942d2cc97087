package dev.cachectl.core.doctor;

import dev.cachectl.api.Severity;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.ProviderRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every provider, built in or from a plugin jar: those that did not load. */
final class ProvidersCheck implements Check {

    private final ProviderRegistry registry;

    ProvidersCheck(ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public List<Finding> run() {
        List<Finding> found = new ArrayList<>();
        for (ProviderFailure failure : registry.failures()) {
            Finding finding = Finding.of(name(), "DOCTOR_PROVIDER_FAILED", Severity.ERROR, "provider " + failure.id()
                    + " (" + failure.origin().source() + ") failed: " + failure.reason(),
                    "update or remove the plugin jar; 'cachectl providers' lists every provider").about(failure.id());
            found.add(failure.origin().jar().isEmpty() ? finding : finding.at(Path.of(failure.origin().jar())));
        }
        return found;
    }
}
