package dev.cachectl.core.trust;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.registry.PluginFolder;
import dev.cachectl.core.registry.PluginGate;
import dev.cachectl.core.registry.ProviderFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * cachectl's plugin gate. Every plugin folder and jar must be safe ({@link FileSafety}: not owned by another
 * user, not writable by others), since anyone who can write it can run code as you. A jar of a project's
 * {@code .cachectl/plugins} must also be trusted: cloning a repository must not run its code the next time you
 * type {@code cachectl status}. Trust is by content ({@link TrustStore}, SHA-256), so a changed jar is
 * untrusted again. {@code --plugins DIR} and the per-user folder are trusted as they are: you named them. CI
 * opts in to a checkout's own plugins with {@value #CI_VARIABLE}{@code =1}.
 */
public final class PluginTrust implements PluginGate {

    /** Trusts every jar of the project's plugin folder without the store (CI, where the checkout is the job). */
    public static final String CI_VARIABLE = "CACHECTL_TRUST_PROJECT_PLUGINS";

    private final HostEnvironment host;
    private TrustStore store;

    /** The gate for the user of {@code host}; the store is read only when a project jar needs it. */
    public PluginTrust(HostEnvironment host) {
        this.host = host;
    }

    /** Whether {@value #CI_VARIABLE} opts in to the project's plugins. */
    public static boolean projectPluginsTrustedByEnvironment(HostEnvironment host) {
        return host.get(CI_VARIABLE).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }

    @Override
    public Optional<ProviderFailure> refuseFolder(PluginFolder folder) {
        // a project's folder is .cachectl/plugins: whoever can write .cachectl can swap plugins/ itself
        Path parent = folder.path().getParent();
        Optional<String> above = folder.origin() == PluginFolder.Origin.PROJECT && parent != null
                ? FileSafety.problem(parent) : Optional.empty();
        if (above.isPresent()) {
            return Optional.of(ProviderFailure.ofJar(folder.path(), "unknown", "PLUGIN_UNSAFE", "the folder above"
                    + " the plugin folder " + above.get() + ", so anyone who can write it could swap the plugins for"
                    + " code that runs as you; none of its jars is loaded: make it yours and not writable by others"
                    + " (chmod o-w " + parent + ")"));
        }
        return FileSafety.problem(folder.path()).map(problem -> ProviderFailure.ofJar(folder.path(), "unknown",
                "PLUGIN_UNSAFE", "the plugin folder " + problem + ", so anyone who can write it could run code as"
                        + " you; none of its jars is loaded: make it yours and not writable by others (chmod o-w "
                        + folder.path() + ")"));
    }

    @Override
    public Optional<ProviderFailure> refuseJar(PluginFolder folder, Path jar) {
        Optional<String> unsafe = FileSafety.problem(jar);
        if (unsafe.isPresent()) {
            return Optional.of(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNSAFE", "the jar " + unsafe.get()
                    + ", so anyone could replace it with code that runs as you; it is not loaded: make it yours and"
                    + " not writable by others (chmod o-w " + jar + ") after checking it"));
        }
        if (folder.origin() != PluginFolder.Origin.PROJECT || projectPluginsTrustedByEnvironment(host)) {
            return Optional.empty();
        }
        // A link would be hashed at its target, which can sit in someone else's folder and change after the check.
        if (!Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNSAFE", "is a symbolic link (or not a"
                    + " regular file) in the project's plugin folder, so what it points to could change after it is"
                    + " checked; it is not loaded: copy the jar itself into the folder"));
        }
        String sha256;
        try {
            sha256 = TrustStore.sha256(jar);
        } catch (IOException e) {
            return Optional.of(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNREADABLE", "cannot read the jar to"
                    + " check whether you trusted it: " + e.getMessage() + "; fix its permissions"));
        }
        TrustStore trust;
        try {
            trust = store();
        } catch (TrustStoreException e) {
            return Optional.of(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNTRUSTED", "not loaded: "
                    + e.getMessage()));
        }
        if (trust.trustsJar(sha256)) {
            return Optional.empty();
        }
        String how = "review it, then run 'cachectl plugins trust " + jar + "' (in CI: set " + CI_VARIABLE + "=1)";
        if (trust.jarAt(jar).isPresent()) {
            return Optional.of(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNTRUSTED", "changed since you trusted"
                    + " it (sha256 now " + sha256 + "), so it is untrusted again and none of its code runs; " + how));
        }
        return Optional.of(ProviderFailure.ofJar(jar, "unknown", "PLUGIN_UNTRUSTED", "is in the project's plugin"
                + " folder and you have not trusted it (sha256 " + sha256 + "), so none of its code runs; " + how));
    }

    private TrustStore store() throws TrustStoreException {
        if (store == null) {
            store = TrustStore.load(host);
        }
        return store;
    }
}
