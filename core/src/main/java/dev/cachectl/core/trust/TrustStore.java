package dev.cachectl.core.trust;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.io.AtomicFile;
import dev.cachectl.core.json.CoreJson;
import dev.cachectl.core.json.JsonText;
import dev.cachectl.core.registry.PluginFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What the user has trusted, per user, as {@code direnv allow} and {@code mise trust} keep it: plugin jars of a
 * project's {@code .cachectl/plugins} by the SHA-256 of their content (a changed jar is a new, untrusted one),
 * and project folders whose config may be used although others could have written it. One JSON file,
 * {@code ${XDG_CONFIG_HOME:-~/.config}/cachectl/trust.json} ({@code %APPDATA%\cachectl\trust.json} on Windows),
 * replaced atomically on every change and refused when someone else could have written it.
 */
public final class TrustStore {

    /** The file name, in the per-user cachectl folder. */
    public static final String FILE_NAME = "trust.json";

    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final Path file;
    private final List<TrustedJar> jars;
    private final List<TrustedDirectory> directories;

    private TrustStore(Path file, List<TrustedJar> jars, List<TrustedDirectory> directories) {
        this.file = file;
        this.jars = new ArrayList<>(jars);
        this.directories = new ArrayList<>(directories);
    }

    /**
     * A trusted plugin jar.
     *
     * @param sha256    hex SHA-256 of the jar's bytes
     * @param path      where it was when it was trusted (for messages and {@code untrust})
     * @param trustedAt when
     */
    public record TrustedJar(String sha256, String path, String trustedAt) {
        /** Validates the fields. */
        public TrustedJar {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(trustedAt, "trustedAt");
        }
    }

    /**
     * A trusted project folder.
     *
     * @param path      its absolute real path
     * @param trustedAt when
     */
    public record TrustedDirectory(String path, String trustedAt) {
        /** Validates the fields. */
        public TrustedDirectory {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(trustedAt, "trustedAt");
        }
    }

    /** A project folder as the store keys it: its real path when it exists. */
    public static Path directoryKey(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    /** Where the store of the user of {@code host} lives. */
    public static Path location(HostEnvironment host) {
        return PluginFolders.userFolder(host).getParent().resolve(FILE_NAME);
    }

    /** The user's store; empty when the file does not exist yet. */
    public static TrustStore load(HostEnvironment host) throws TrustStoreException {
        return load(location(host));
    }

    /** The store in {@code file}; empty when it does not exist yet. */
    public static TrustStore load(Path file) throws TrustStoreException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new TrustStore(file, List.of(), List.of());
        } catch (IOException e) {
            throw new TrustStoreException("cannot read the trust store " + file + ": " + e.getMessage()
                    + "; fix its permissions", e);
        }
        Optional<String> unsafe = FileSafety.problem(file).or(() -> FileSafety.problem(file.getParent()));
        if (unsafe.isPresent()) {
            throw new TrustStoreException("the trust store " + file + " (or its folder) " + unsafe.get() + ", so"
                    + " someone else could have trusted code in your name; make it yours and private (chmod 600 "
                    + file + ", chmod go-w " + file.getParent() + ") and check what it lists", null);
        }
        if (bytes.length > MAX_BYTES) {
            throw corrupt(file, "it is larger than " + MAX_BYTES + " bytes", null);
        }
        try {
            JsonNode root = CoreJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw corrupt(file, "it is not a JSON object", null);
            }
            List<TrustedJar> jars = new ArrayList<>();
            for (JsonNode entry : root.path("plugins")) {
                jars.add(new TrustedJar(text(file, entry, "sha256"), text(file, entry, "path"),
                        entry.path("trusted_at").asString("")));
            }
            List<TrustedDirectory> directories = new ArrayList<>();
            for (JsonNode entry : root.path("directories")) {
                directories.add(new TrustedDirectory(text(file, entry, "path"), entry.path("trusted_at").asString("")));
            }
            return new TrustStore(file, jars, directories);
        } catch (JacksonException e) {
            throw corrupt(file, "it is not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
    }

    private static String text(Path file, JsonNode entry, String key) throws TrustStoreException {
        JsonNode value = entry.get(key);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw corrupt(file, "an entry lacks \"" + key + "\"", null);
        }
        return value.asString();
    }

    private static TrustStoreException corrupt(Path file, String why, Throwable cause) {
        return new TrustStoreException("the trust store " + file + " is unusable: " + why + "; delete it and trust"
                + " again what you trust ('cachectl plugins trust', 'cachectl trust DIR')", cause);
    }

    /** The file this store is kept in. */
    public Path file() {
        return file;
    }

    /** The trusted jars, in the order they were trusted. */
    public List<TrustedJar> jars() {
        return List.copyOf(jars);
    }

    /** The trusted project folders, in the order they were trusted. */
    public List<TrustedDirectory> directories() {
        return List.copyOf(directories);
    }

    /** Whether a jar with this content is trusted. */
    public boolean trustsJar(String sha256) {
        return jars.stream().anyMatch(j -> j.sha256().equals(sha256));
    }

    /** The trusted entry last recorded for a jar at {@code path}, whatever its content then. */
    public Optional<TrustedJar> jarAt(Path path) {
        String key = path.toString();
        return jars.reversed().stream().filter(j -> j.path().equals(key)).findFirst();
    }

    /** Whether the project folder {@code realPath} is trusted. */
    public boolean trustsDirectory(Path realPath) {
        String key = realPath.toString();
        return directories.stream().anyMatch(d -> d.path().equals(key));
    }

    /** Trusts the content of the jar at {@code path}; replaces what was trusted for that path before. */
    public void trustJar(Path path, String sha256) {
        jars.removeIf(j -> j.path().equals(path.toString()) || j.sha256().equals(sha256));
        jars.add(new TrustedJar(sha256, path.toString(), now()));
    }

    /** Forgets the jar at {@code path} and any jar with the content {@code sha256}; whether anything was trusted. */
    public boolean untrustJar(Path path, String sha256) {
        return jars.removeIf(j -> j.path().equals(path.toString()) || j.sha256().equals(sha256));
    }

    /** Trusts the project folder {@code realPath}; whether it was new. */
    public boolean trustDirectory(Path realPath) {
        if (trustsDirectory(realPath)) {
            return false;
        }
        directories.add(new TrustedDirectory(realPath.toString(), now()));
        return true;
    }

    /** Forgets the project folder {@code realPath}; whether it was trusted. */
    public boolean untrustDirectory(Path realPath) {
        return directories.removeIf(d -> d.path().equals(realPath.toString()));
    }

    /** Writes the store, atomically; its folder is created private to the user when missing. */
    public void save() throws TrustStoreException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", 1);
        document.put("plugins", jars.stream().map(j -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sha256", j.sha256());
            entry.put("path", j.path());
            entry.put("trusted_at", j.trustedAt());
            return entry;
        }).toList());
        document.put("directories", directories.stream().map(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", d.path());
            entry.put("trusted_at", d.trustedAt());
            return entry;
        }).toList());
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
                restrict(file.getParent(), "rwx------");
            }
            AtomicFile.write(file, JsonText.write(document).getBytes(StandardCharsets.UTF_8));
            restrict(file, "rw-------");
        } catch (IOException e) {
            throw new TrustStoreException("cannot write the trust store " + file + ": " + e.getMessage()
                    + "; check that its folder is writable", e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the per-user profile folder is private already.
        }
    }

    /** The hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
