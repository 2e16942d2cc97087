package dev.cachectl.core.trust;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.project.Project;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a project whose config someone else could have written, as git refuses a repository owned by
 * someone else since CVE-2022-24765 ({@code safe.directory}). The project is found by walking up from the
 * working directory, so a {@code config/hardware_cache.json} planted in a shared parent (a mode-1777 folder)
 * would otherwise decide what {@code clear} deletes for whoever runs cachectl below it. The config file, its
 * {@code config/} folder and the project root must each be owned by the user (or root) and not writable by
 * others ({@link FileSafety}), unless the user trusted the project ({@code cachectl trust DIR}, kept in the
 * {@link TrustStore}) or lists it in {@value #SAFE_DIRECTORIES_VARIABLE}.
 */
public final class ProjectSafety {

    /**
     * Project folders trusted without the store, separated by the path separator ({@code :}); {@code *} trusts
     * every folder (CI images where the checkout belongs to another uid).
     */
    public static final String SAFE_DIRECTORIES_VARIABLE = "CACHECTL_SAFE_DIRECTORIES";

    /** The code of the refusal, documented in docs/error-codes.md. */
    public static final String CODE = "CFG_UNSAFE_PROJECT";

    private ProjectSafety() {
    }

    /** A project that is refused; the message says what, where and how to fix it, on one line. */
    public static final class UnsafeProjectException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsafeProjectException(String message) {
            super(message);
        }
    }

    /**
     * Checks {@code project}; a project without a config file is not checked (the built-in defaults are
     * cachectl's own).
     *
     * @throws UnsafeProjectException when someone else could have written its config and it is not trusted
     */
    public static void check(Project project, HostEnvironment host) throws UnsafeProjectException {
        if (!project.configPresent()) {
            return;
        }
        Path config = project.configFile();
        Optional<String> problem = describe(config, "the config " + config)
                .or(() -> describe(config.getParent(), "its folder " + config.getParent()))
                .or(() -> describe(project.root(), "the project folder " + project.root()));
        if (problem.isEmpty()) {
            return;
        }
        Path key = TrustStore.directoryKey(project.root());
        if (listedSafe(key, host)) {
            return;
        }
        String storeProblem = "";
        try {
            if (TrustStore.load(host).trustsDirectory(key)) {
                return;
            }
        } catch (TrustStoreException e) {
            storeProblem = " (the trust store is unusable: " + e.getMessage() + ")";
        }
        throw new UnsafeProjectException(CODE + " refusing the project " + project.root() + ": "
                + problem.get() + ", so someone else could have written the config, whose paths decide what"
                + " cachectl deletes and exports; if you trust it, run 'cachectl trust " + key + "' (or add it to "
                + SAFE_DIRECTORIES_VARIABLE + ")" + storeProblem);
    }

    private static Optional<String> describe(Path path, String what) {
        return FileSafety.problem(path).map(problem -> what + " " + problem);
    }

    private static boolean listedSafe(Path key, HostEnvironment host) {
        Optional<String> listed = host.get(SAFE_DIRECTORIES_VARIABLE);
        if (listed.isEmpty()) {
            return false;
        }
        for (String entry : List.of(listed.get().split(File.pathSeparator))) {
            String trimmed = entry.strip();
            if (trimmed.equals("*")) {
                return true;
            }
            if (!trimmed.isEmpty() && Path.of(trimmed).isAbsolute() && TrustStore.directoryKey(Path.of(trimmed)).equals(key)) {
                return true;
            }
        }
        return false;
    }
}
