package dev.cachectl.core.trust;

import dev.cachectl.api.HostEnvironment;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cachectl plugins trust|untrust} and {@code cachectl trust|untrust} do to the user's
 * {@link TrustStore}: each reads the store, changes it and writes it back atomically.
 */
public final class TrustActions {

    private TrustActions() {
    }

    /**
     * One jar whose trust changed (or did not need to).
     *
     * @param jar     its absolute path
     * @param sha256  its content's hash
     * @param changed whether the store changed for it (false: trusted already, or not trusted to begin with)
     */
    public record JarTrust(Path jar, String sha256, boolean changed) {
        /** Validates the fields. */
        public JarTrust {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The jars a command names: {@code named} (relative to {@code workingDirectory}) when any, else every
     * {@code *.jar} of {@code projectFolder}, in name order.
     *
     * @throws TrustStoreException when a named jar is not a file, or the folder cannot be listed
     */
    public static List<Path> jars(List<Path> named, Path workingDirectory, Path projectFolder)
            throws TrustStoreException {
        List<Path> jars = new ArrayList<>();
        if (!named.isEmpty()) {
            for (Path name : named) {
                Path jar = workingDirectory.resolve(name).toAbsolutePath().normalize();
                if (!Files.isRegularFile(jar)) {
                    throw new TrustStoreException(jar + ": no such jar; give the path of a plugin jar (relative to"
                            + " the working directory)", null);
                }
                jars.add(jar);
            }
            return jars;
        }
        if (!Files.isDirectory(projectFolder)) {
            return jars;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(projectFolder, "*.jar")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    jars.add(entry.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new TrustStoreException("cannot list " + projectFolder + ": " + e.getMessage()
                    + "; fix its permissions", e);
        }
        jars.sort(null);
        return jars;
    }

    /** Trusts the content of each jar as it is now. */
    public static List<JarTrust> trustJars(List<Path> jars, HostEnvironment host) throws TrustStoreException {
        TrustStore store = TrustStore.load(host);
        List<JarTrust> result = new ArrayList<>();
        for (Path jar : jars) {
            String sha256 = hash(jar);
            boolean already = store.trustsJar(sha256) && store.jarAt(jar).filter(j -> j.sha256().equals(sha256))
                    .isPresent();
            store.trustJar(jar, sha256);
            result.add(new JarTrust(jar, sha256, !already));
        }
        store.save();
        return result;
    }

    /** Forgets each jar: both its path and its current content. */
    public static List<JarTrust> untrustJars(List<Path> jars, HostEnvironment host) throws TrustStoreException {
        TrustStore store = TrustStore.load(host);
        List<JarTrust> result = new ArrayList<>();
        for (Path jar : jars) {
            String sha256 = Files.isRegularFile(jar) ? hash(jar) : "";
            result.add(new JarTrust(jar, sha256, store.untrustJar(jar, sha256)));
        }
        store.save();
        return result;
    }

    /** Trusts a project folder; returns the key recorded (its real path) and whether it was new. */
    public static JarTrust trustDirectory(Path directory, HostEnvironment host) throws TrustStoreException {
        Path key = requireDirectory(directory);
        TrustStore store = TrustStore.load(host);
        boolean added = store.trustDirectory(key);
        store.save();
        return new JarTrust(key, "", added);
    }

    /** Forgets a project folder; returns its key and whether it was trusted. */
    public static JarTrust untrustDirectory(Path directory, HostEnvironment host) throws TrustStoreException {
        Path key = TrustStore.directoryKey(directory);
        TrustStore store = TrustStore.load(host);
        boolean removed = store.untrustDirectory(key);
        store.save();
        return new JarTrust(key, "", removed);
    }

    private static Path requireDirectory(Path directory) throws TrustStoreException {
        if (!Files.isDirectory(directory)) {
            throw new TrustStoreException(directory + ": no such folder; give the project's root folder", null);
        }
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new TrustStoreException("cannot resolve " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String hash(Path jar) throws TrustStoreException {
        try {
            return TrustStore.sha256(jar);
        } catch (IOException e) {
            throw new TrustStoreException("cannot read " + jar + ": " + e.getMessage() + "; fix its permissions", e);
        }
    }
}
