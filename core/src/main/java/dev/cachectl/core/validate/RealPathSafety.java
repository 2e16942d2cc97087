package dev.cachectl.core.validate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The config's path safety rules applied to where a cache really is at the moment a command is about to
 * delete in it. Validation checks the paths when the config is read; a folder on the way can be replaced by a
 * symbolic link after that, so the commands that delete check the real path they pinned once more.
 */
public final class RealPathSafety {

    private final PathSafetyRules rules;

    /** The rules for caches of the project at {@code projectRoot}, for the user whose home is {@code home}. */
    public RealPathSafety(Path projectRoot, Path home) {
        this.rules = new PathSafetyRules(projectRoot, home);
    }

    /**
     * Why deleting inside {@code realPath} is refused, if it is: one line naming the cache, where it really is
     * and the rule, with the rule's code in front (e.g. {@code CFG_HOME_DIR: ...}).
     *
     * @param name     how to name the cache, e.g. its provider id
     * @param realPath an absolute path without symbolic links
     */
    public Optional<String> refusal(String name, Path realPath) {
        return rules.checkReal(name, realPath).map(v -> v.code() + ": " + v.message() + "; clearing it is refused."
                + " Point the cache at a directory of its own in config/hardware_cache.json");
    }
}
