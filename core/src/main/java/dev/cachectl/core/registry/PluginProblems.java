package dev.cachectl.core.registry;

import java.lang.module.FindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Turns the module system's exceptions about a plugin jar into one line that says what is wrong and how to fix
 * it. The JDK's wording is matched where it names a known situation; anything else is passed on as it is.
 */
final class PluginProblems {

    private static final Pattern NOT_FOUND = Pattern.compile("Module (\\S+) not found, required by (\\S+)");
    private static final Pattern SPLIT_WITH_EXPORT =
            Pattern.compile("Module (\\S+) contains package (\\S+), module (\\S+) exports package \\S+ to \\S+");
    private static final Pattern SPLIT_IN_LAYER = Pattern.compile("Package (\\S+) in both module (\\S+) and module (\\S+)");

    private PluginProblems() {
    }

    /** Why a jar could not be read as a module. */
    static String unreadable(RuntimeException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ZipException) {
            return "not a readable jar (" + cause.getMessage() + "); rebuild or download it again, or remove it";
        }
        if (e instanceof FindException && cause != null) {
            return "cannot be loaded as a module: " + rootMessage(cause) + "; fix the jar (its module-info.class, its"
                    + " META-INF/services entries or its Automatic-Module-Name) or remove it";
        }
        return "cannot be loaded as a module: " + rootMessage(e) + "; rebuild the jar or remove it";
    }

    /**
     * Why a module did not resolve or could not be defined.
     *
     * @param jar     the module's jar
     * @param e       the module system's exception
     * @param modules every usable module of the folder, by name
     * @param parent  the layer plugins resolve against
     */
    static String unresolved(Path jar, RuntimeException e, Map<String, Path> modules, ModuleLayer parent) {
        String message = String.valueOf(e.getMessage());
        Path folder = jar.getParent();
        Matcher notFound = NOT_FOUND.matcher(message);
        if (notFound.find()) {
            String missing = notFound.group(1);
            String requiredBy = notFound.group(2);
            Path missingJar = modules.get(missing);
            if (missingJar != null) {
                return "module " + requiredBy + " requires module " + missing + ", whose jar " + missingJar.getFileName()
                        + " did not load (see its own error); fix that jar";
            }
            return "module " + requiredBy + " requires module " + missing + ", which is neither in " + folder
                    + " nor part of cachectl; put the jar of " + missing + " in that folder or remove "
                    + jar.getFileName();
        }
        Matcher split = SPLIT_WITH_EXPORT.matcher(message);
        if (split.find()) {
            return "module " + split.group(1) + " contains package " + split.group(2) + ", which module "
                    + split.group(3) + " " + whereIs(split.group(3), modules, parent) + " also exports (a split"
                    + " package); a package may live in one module only: move these classes to a package of the"
                    + " plugin's own, or remove " + jar.getFileName();
        }
        Matcher inLayer = SPLIT_IN_LAYER.matcher(message);
        if (inLayer.find()) {
            return "modules " + inLayer.group(2) + " and " + inLayer.group(3) + " both contain package "
                    + inLayer.group(1) + " (a split package); a package may live in one module only: remove one of"
                    + " their jars or rebuild one without that package";
        }
        return "does not resolve: " + rootMessage(e) + "; fix the jar or remove it";
    }

    private static String whereIs(String module, Map<String, Path> modules, ModuleLayer parent) {
        Path jar = modules.get(module);
        if (jar != null) {
            return "(in " + jar.getFileName() + ")";
        }
        return parent.findModule(module).isPresent() ? "(part of cachectl)" : "(elsewhere)";
    }

    /** The innermost cause. */
    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause's message, or its type when it has none. */
    static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
