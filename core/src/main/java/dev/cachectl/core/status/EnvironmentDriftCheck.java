package dev.cachectl.core.status;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.env.ProviderEnvironment;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the calling environment with what {@code cachectl env} would export: a provider's variable set
 * to another place (e.g. {@code HF_HOME=~/.cache/huggingface} left in a shell profile, or
 * {@code TRANSFORMERS_CACHE} pointing at {@code HF_HOME} itself as the old scripts did) sends the libraries
 * elsewhere; a variable cachectl unsets but the environment sets overrides the right one. Unset variables are
 * fine: status does not require {@code eval "$(cachectl env)"}.
 */
final class EnvironmentDriftCheck implements Check {

    private final Workspace workspace;
    private final Path workingDirectory;
    private final List<CacheLocation> selected;

    EnvironmentDriftCheck(Workspace workspace, Path workingDirectory, List<CacheLocation> selected) {
        this.workspace = workspace;
        this.workingDirectory = workingDirectory;
        this.selected = List.copyOf(selected);
    }

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public List<Finding> run() {
        HostEnvironment host = workspace.host();
        CacheEnvironment environment = CacheEnvironment.of(workspace);
        List<Finding> warnings = new ArrayList<>();
        for (ProviderEnvironment provider : environment.providers()) {
            if (!selected.contains(provider.location())) {
                continue;
            }
            String id = provider.location().id();
            provider.spec().set().forEach((name, expected) -> host.get(name)
                    .filter(actual -> !samePath(host, actual, expected))
                    .ifPresent(actual -> warnings.add(StatusCodes.finding(name(), StatusCodes.ENV_MISMATCH, name
                            + " is " + actual + " in this environment, but the config puts the " + id + " cache at "
                            + expected + ", so libraries run from here use the other place; run eval \"$(cachectl env)\""
                            + " (or cachectl exec -- ...) and remove " + name + " from your shell profile")
                            .about(id))));
            for (String name : provider.spec().unset()) {
                host.get(name).ifPresent(actual -> warnings.add(StatusCodes.finding(name(), StatusCodes.ENV_MISMATCH,
                        name + " is set to " + actual + " in this environment; cachectl unsets it for the " + id
                        + " cache because it overrides the right variable; run eval \"$(cachectl env)\" and"
                        + " remove it from your shell profile").about(id)));
            }
        }
        return warnings;
    }

    /** Whether a variable's value names the same place as {@code expected} (after {@code ~} and normalising). */
    private boolean samePath(HostEnvironment host, String actual, String expected) {
        try {
            Path value = actual.equals("~") ? host.home()
                    : actual.startsWith("~/") ? host.home().resolve(actual.substring(2)) : Path.of(actual);
            return normalise(value).equals(normalise(Path.of(expected)));
        } catch (InvalidPathException e) {
            return actual.equals(expected);
        }
    }

    private Path normalise(Path path) {
        return Optional.of(path).map(p -> p.isAbsolute() ? p : workingDirectory.resolve(p))
                .map(p -> p.toAbsolutePath().normalize()).orElseThrow();
    }
}
