package dev.cachectl.core.exec;

import dev.cachectl.core.env.CacheEnvironment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment {@code exec} gives its command: the caller's, with the cache variables set and the
 * variables the providers remove removed, then the virtual environment applied. On Windows variable names
 * are matched without case, as the OS does ({@code Path} and {@code PATH} are one variable).
 */
public final class ChildEnvironment {

    private ChildEnvironment() {
    }

    /** The child's environment. */
    public static Map<String, String> compose(Map<String, String> caller, CacheEnvironment cache,
                                              Optional<VirtualEnvironment> venv, boolean windows) {
        Map<String, String> environment = windows ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
                : new LinkedHashMap<>();
        environment.putAll(caller);
        cache.unset().forEach(environment::remove);
        environment.putAll(cache.set());
        venv.ifPresent(v -> {
            String pathName = windows ? existingName(environment, "PATH") : "PATH";
            String path = environment.get(pathName);
            String scripts = v.scripts().toString();
            environment.put(pathName, path == null || path.isEmpty() ? scripts
                    : scripts + CommandResolver.pathSeparator(windows) + path);
            environment.put("VIRTUAL_ENV", v.directory().toString());
            environment.remove("PYTHONHOME");
        });
        return environment;
    }

    /** The spelling a variable already has (Windows keeps {@code Path}), or {@code name}. */
    private static String existingName(Map<String, String> environment, String name) {
        return environment.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).min(Comparator.naturalOrder())
                .orElse(name);
    }
}
