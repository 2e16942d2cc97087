package dev.cachectl.core.paths;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a cache path may look like: rules shared by the config's validation, the provider contract and the
 * commands that delete, so a plugin's default path obeys the same ones as a path a user writes.
 */
public final class PathShape {

    /**
     * Folder names that hold a version-control repository's own data: a cache there, or one holding such a
     * folder, would let {@code clear} delete a repository's history.
     */
    public static final List<String> VCS_METADATA = List.of(".git", ".hg", ".svn", ".bzr", ".jj", "_darcs");

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private PathShape() {
    }

    /** The first segment of {@code path} that names VCS metadata (e.g. {@code .git}), if any. */
    public static Optional<String> vcsSegment(Path path) {
        for (Path segment : path) {
            if (VCS_METADATA.contains(segment.toString())) {
                return Optional.of(segment.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * The VCS metadata folder directly inside {@code directory} (e.g. {@code sub/.git}), if there is one: the
     * directory is a repository's working tree, not a cache. Links are not followed.
     */
    public static Optional<Path> vcsChild(Path directory) {
        for (String name : VCS_METADATA) {
            Path child = directory.resolve(name);
            if (Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The VCS segment of a path as written ({@code /} or {@code \} separated), if any. */
    public static Optional<String> vcsSegment(String raw) {
        for (String segment : raw.split("[/\\\\]")) {
            if (VCS_METADATA.contains(segment)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code raw} is written in a form that means something else on this system than on another, if it is:
     * a backslash (a separator on Windows, an ordinary character elsewhere), a drive letter or a UNC prefix
     * outside Windows. Such a config would validate on a Linux CI runner and point at a drive root on Windows.
     */
    public static Optional<String> nonPortable(String raw) {
        if (raw.indexOf('\\') >= 0) {
            return Optional.of("contains a backslash, which is a separator on Windows but part of a folder name"
                    + " elsewhere; write the path with '/' separators, which work on every system");
        }
        if (!WINDOWS && DRIVE.matcher(raw).find()) {
            return Optional.of("starts with a Windows drive letter, which names a drive on Windows but a folder"
                    + " called '" + raw.substring(0, 2) + "' here; write a path for this system");
        }
        if (!WINDOWS && raw.startsWith("//")) {
            return Optional.of("starts with '//', a network share (UNC path) on Windows; write a single '/' for an"
                    + " absolute path here");
        }
        return Optional.empty();
    }

    /**
     * Why a provider's default path breaks the SPI contract, if it does: it must be relative, stay inside the
     * project, name a folder other than the project root, be portable and not lie in VCS metadata.
     */
    public static Optional<String> defaultPathProblem(String defaultPath) {
        if (defaultPath.isBlank() || defaultPath.startsWith("/") || defaultPath.startsWith("~")
                || defaultPath.contains("..")) {
            return Optional.of("it must be relative to the project root and stay inside it");
        }
        Optional<String> portability = nonPortable(defaultPath);
        if (portability.isPresent()) {
            return Optional.of("it " + portability.get());
        }
        boolean projectRoot;
        try {
            projectRoot = Path.of(defaultPath).normalize().toString().isEmpty();
        } catch (InvalidPathException e) {
            return Optional.of("it is not a valid path on this system (" + e.getReason() + ")");
        }
        if (projectRoot) {
            return Optional.of("it names the project root itself, which is no cache directory; use a folder of its"
                    + " own such as \".cache/<id>\"");
        }
        return vcsSegment(defaultPath).map(vcs -> "it lies in version-control metadata (" + vcs + "), which a"
                + " clear would delete; use a folder of its own such as \".cache/<id>\"");
    }
}
