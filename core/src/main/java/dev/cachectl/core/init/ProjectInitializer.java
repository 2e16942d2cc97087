package dev.cachectl.core.init;

import dev.cachectl.core.config.ConfigLoadResult;
import dev.cachectl.core.config.ConfigLoader;
import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.env.CacheEnvironment;
import dev.cachectl.core.env.ProviderEnvironment;
import dev.cachectl.core.gitignore.GitignoreEditor;
import dev.cachectl.core.gitignore.GitignoreUpdate;
import dev.cachectl.core.io.AtomicFile;
import dev.cachectl.core.project.Project;
import dev.cachectl.core.project.ProjectLocator;
import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import dev.cachectl.core.workspace.WorkspaceException;
import dev.cachectl.core.workspace.WorkspaceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bootstrap: writes the config when there is none, creates every cache directory, and optionally makes
 * {@code .gitignore} ignore them. Running it again changes nothing.
 *
 * <p>An existing config is never overwritten without {@code force}. With {@code force}, only its {@code cache}
 * value is replaced by the defaults, in its text: every other key keeps its place and its bytes. A config
 * that does not parse cannot be merged, so it is refused even with {@code force}: the user fixes it or moves
 * it away, rather than cachectl guessing what it held.
 */
public final class ProjectInitializer {

    private ProjectInitializer() {
    }

    /**
     * Runs init for the project of {@code request}.
     *
     * @param force     reset the {@code cache} section of an existing config to the defaults
     * @param gitignore add the missing cache directories to the project's {@code .gitignore}
     */
    public static InitReport initialize(WorkspaceRequest request, ProviderRegistry registry, boolean force,
                                        boolean gitignore) throws InitException {
        Project project = ProjectLocator.locate(request.workingDirectory(), request.projectOverride());
        InitReport.ConfigAction action = writeConfig(project, registry, force);
        Workspace workspace;
        try {
            workspace = Workspace.open(request, registry);
        } catch (WorkspaceException e) {
            throw new InitException(e.getMessage() + "; fix it, or run 'cachectl init --force' to reset the"
                    + " cache section to the defaults (other keys are kept)", e);
        }
        CacheEnvironment environment = CacheEnvironment.of(workspace);
        List<InitReport.DirectoryResult> directories = new ArrayList<>();
        for (CacheLocation location : workspace.caches()) {
            directories.add(createDirectories(location, environment));
        }
        Optional<GitignoreUpdate> update = Optional.empty();
        if (gitignore) {
            try {
                update = Optional.of(GitignoreEditor.ensureIgnored(workspace.project().root(),
                        workspace.caches().stream().map(CacheLocation::directory).toList(), request.host()));
            } catch (IOException e) {
                throw new InitException("cannot update " + workspace.project().root().resolve(".gitignore") + ": "
                        + describe(e) + "; check the file's permissions", e);
            }
        }
        return new InitReport(workspace.project(), action, directories, environment, update);
    }

    private static InitReport.ConfigAction writeConfig(Project project, ProviderRegistry registry, boolean force)
            throws InitException {
        Path file = project.configFile();
        if (!project.configPresent()) {
            write(file, DefaultConfig.document(registry));
            return InitReport.ConfigAction.CREATED;
        }
        ConfigLoadResult loaded;
        try {
            loaded = ConfigLoader.load(project, file);
        } catch (ConfigUnreadableException e) {
            throw new InitException(e.getMessage(), e);
        }
        String text = switch (loaded) {
            case ConfigLoadResult.Parsed parsed -> parsed.config().text();
            case ConfigLoadResult.Malformed malformed -> throw new InitException((force ? "cannot reset the cache"
                    + " section of a config that does not parse: " : "the config does not parse: ")
                    + malformed.problems().getFirst().toCompilerStyle() + "; fix it, or move it away (mv " + file
                    + " " + file + ".broken) and run 'cachectl init' again", null);
        };
        if (!force) {
            return InitReport.ConfigAction.UNCHANGED;
        }
        String replaced = CacheSectionSplice.replace(text, DefaultConfig.cacheSection(registry));
        if (replaced.equals(text)) {
            return InitReport.ConfigAction.UNCHANGED;
        }
        write(file, replaced);
        return InitReport.ConfigAction.RESET;
    }

    private static void write(Path file, String text) throws InitException {
        try {
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InitException("cannot write " + file + ": " + describe(e) + "; check that its folder is"
                    + " writable", e);
        }
    }

    /**
     * Creates the cache directory and the folders inside it that its provider's variables name (the hub cache
     * of Hugging Face, for example), so every library finds its folder on the first run.
     */
    private static InitReport.DirectoryResult createDirectories(CacheLocation location, CacheEnvironment environment) {
        Path directory = location.directory();
        Set<Path> wanted = new LinkedHashSet<>();
        wanted.add(directory);
        for (ProviderEnvironment provided : environment.providers()) {
            if (provided.location().equals(location)) {
                for (String value : provided.spec().set().values()) {
                    try {
                        Path path = Path.of(value).toAbsolutePath().normalize();
                        if (path.startsWith(directory) && !path.equals(directory)) {
                            wanted.add(path);
                        }
                    } catch (java.nio.file.InvalidPathException e) {
                        // not a path: nothing to create for it
                    }
                }
            }
        }
        boolean existed = Files.isDirectory(directory);
        List<Path> created = new ArrayList<>();
        for (Path path : wanted) {
            if (Files.isDirectory(path)) {
                continue;
            }
            try {
                Files.createDirectories(path);
                created.add(path);
            } catch (FileAlreadyExistsException e) {
                return failed(location, created, path + " exists and is not a directory; move it away or point "
                        + location.provider().configKey().dotted() + " elsewhere");
            } catch (AccessDeniedException e) {
                return failed(location, created, "permission denied creating " + e.getFile()
                        + "; fix the parent folder's permissions or choose another location");
            } catch (IOException e) {
                return failed(location, created, "cannot create " + path + ": " + describe(e));
            }
        }
        return new InitReport.DirectoryResult(location, existed ? InitReport.DirectoryAction.EXISTS
                : InitReport.DirectoryAction.CREATED, created, Optional.empty());
    }

    private static InitReport.DirectoryResult failed(CacheLocation location, List<Path> created, String error) {
        return new InitReport.DirectoryResult(location, InitReport.DirectoryAction.FAILED, created,
                Optional.of(error));
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
