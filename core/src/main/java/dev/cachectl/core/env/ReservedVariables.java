package dev.cachectl.core.env;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Variables no provider may set or unset: they are not a cache's business, and setting them changes what
 * every program in the shell runs or loads (the command search path, the dynamic linker, the interpreters'
 * module paths, the home directory, the shells' start-up files). A provider that asks for one is reported and
 * that variable is left alone; its other variables are still used. Names are compared in upper case, as
 * Windows does.
 */
public final class ReservedVariables {

    private static final Set<String> NAMES = Set.of(
            // where commands, libraries and the user's files are found
            "PATH", "PATHEXT", "HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "USER", "LOGNAME", "SHELL",
            "TMPDIR", "TEMP", "TMP", "COMSPEC", "SYSTEMROOT", "WINDIR",
            "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_DIRS", "XDG_DATA_DIRS",
            // shell start-up and prompt
            "ENV", "BASH_ENV", "ZDOTDIR", "PROMPT_COMMAND", "PS0", "PS1", "PS2", "PS3", "PS4", "IFS", "CDPATH",
            "FPATH", "SHELLOPTS", "BASHOPTS", "GLOBIGNORE", "HISTFILE", "INPUTRC", "PROMPT",
            // interpreters' code paths and start-up hooks
            "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "PYTHONINSPECT", "PYTHONEXECUTABLE",
            "PYTHONSAFEPATH", "PYTHONNOUSERSITE", "PYTHONPLATLIBDIR", "VIRTUAL_ENV", "CONDA_PREFIX",
            "PERL5LIB", "PERLLIB", "PERL5OPT", "RUBYLIB", "RUBYOPT", "NODE_OPTIONS", "NODE_PATH",
            "CLASSPATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_HOME",
            "GCONV_PATH", "MANPATH", "EDITOR", "VISUAL", "PAGER", "BROWSER",
            // cachectl's own
            "CACHECTL_PROJECT_ROOT");

    /** Prefixes of families that load code: the dynamic linkers, shell functions, git and ssh settings. */
    private static final Set<String> PREFIXES = Set.of("LD_", "DYLD_", "BASH_FUNC_", "GIT_", "SSH_", "CACHECTL_JAVA",
            "CACHECTL_TRUST", "CACHECTL_SAFE_", "CACHECTL_PROVIDER_");

    private ReservedVariables() {
    }

    /** Why a provider may not touch {@code name}, when it may not. */
    public static Optional<String> reason(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (NAMES.contains(upper)) {
            return Optional.of(upper.equals("CACHECTL_PROJECT_ROOT") ? "it is cachectl's own"
                    : "it changes what every program in the shell runs or loads, not where a cache lives");
        }
        for (String prefix : PREFIXES) {
            if (upper.startsWith(prefix)) {
                return Optional.of("variables starting with " + prefix + " change what programs run or load,"
                        + " not where a cache lives");
            }
        }
        return Optional.empty();
    }
}
