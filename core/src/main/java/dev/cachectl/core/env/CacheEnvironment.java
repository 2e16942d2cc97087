package dev.cachectl.core.env;

import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.core.registry.ProviderCallException;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The environment of a project: every provider's variables merged, in provider order, after
 * {@value #PROJECT_ROOT_VARIABLE}. {@code env} prints it, {@code exec} applies it, {@code init} shows it.
 *
 * @param set       variables to set, in print order
 * @param unset     variables to remove
 * @param providers what each working provider asked for, in registry order
 * @param problems  providers (or variables) left out, with the reason
 */
public record CacheEnvironment(Map<String, String> set, List<String> unset, List<ProviderEnvironment> providers,
                               List<EnvironmentProblem> problems) {

    /**
     * Exported first, so that a pipeline stage can find the project (and its config) without walking up from
     * its working directory; cachectl itself never reads it.
     */
    public static final String PROJECT_ROOT_VARIABLE = "CACHECTL_PROJECT_ROOT";

    /** A portable variable name: what every supported shell accepts unquoted. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Copies the collections. */
    public CacheEnvironment {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        unset = List.copyOf(unset);
        providers = List.copyOf(providers);
        problems = List.copyOf(problems);
    }

    /** Whether a name can be used in every dialect. */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Asks every provider of the workspace for its variables. A provider that throws, returns an invalid name,
     * or sets a variable another provider already set to something else is reported in {@link #problems()};
     * the first provider keeps the variable and the others go on.
     */
    public static CacheEnvironment of(Workspace workspace) {
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        Set<String> unset = new LinkedHashSet<>();
        List<ProviderEnvironment> providers = new ArrayList<>();
        List<EnvironmentProblem> problems = new ArrayList<>();
        set.put(PROJECT_ROOT_VARIABLE, workspace.project().root().toString());
        owner.put(PROJECT_ROOT_VARIABLE, "cachectl");
        for (ProviderFailure failure : workspace.registry().failures()) {
            problems.add(new EnvironmentProblem(failure.id(), "provider " + failure.id()
                    + " did not load, so its variables are not set: " + failure.reason()));
        }
        for (CacheLocation location : workspace.caches()) {
            String id = location.id();
            EnvironmentSpec spec;
            try {
                spec = location.provider().environment(location.directory());
            } catch (ProviderCallException e) {
                problems.add(new EnvironmentProblem(id, e.getMessage()));
                continue;
            }
            providers.add(new ProviderEnvironment(location, spec));
            spec.set().forEach((name, value) -> {
                if (!validName(name)) {
                    problems.add(invalidName(id, name));
                } else if (ReservedVariables.reason(name).isPresent()) {
                    problems.add(reserved(id, "set", name));
                } else if (owner.containsKey(name) && !set.get(name).equals(value)) {
                    problems.add(new EnvironmentProblem(id, "provider " + id + " sets " + name + " to " + value
                            + ", but " + owner.get(name) + " already set it to " + set.get(name) + "; keeping "
                            + owner.get(name) + "'s value (point the two caches at the same place or drop one)"));
                } else {
                    set.put(name, value);
                    owner.putIfAbsent(name, id);
                }
            });
            for (String name : spec.unset()) {
                if (!validName(name)) {
                    problems.add(invalidName(id, name));
                } else if (ReservedVariables.reason(name).isPresent()) {
                    problems.add(reserved(id, "unset", name));
                } else if (!set.containsKey(name)) {
                    unset.add(name);
                }
            }
        }
        unset.removeAll(set.keySet());
        return new CacheEnvironment(set, List.copyOf(unset), providers, problems);
    }

    /**
     * This environment as {@code dialect} can carry it: a plugin provider whose value cannot be written in it (a
     * line break, or a {@code %} for cmd) has all its variables left out, with the reason in {@link #problems()},
     * and the other providers' variables stay, so one plugin cannot blank {@code eval "$(cachectl env)"} for
     * everybody. A built-in provider's variables and cachectl's own {@value #PROJECT_ROOT_VARIABLE} are kept
     * either way: then {@link EnvironmentScript#render} refuses the whole script, as the config needs fixing.
     */
    public CacheEnvironment forDialect(ShellDialect dialect) {
        Map<String, String> kept = new LinkedHashMap<>(set);
        List<String> keptUnset = new ArrayList<>(unset);
        List<ProviderEnvironment> keptProviders = new ArrayList<>();
        List<EnvironmentProblem> moreProblems = new ArrayList<>(problems);
        Set<String> claimed = new LinkedHashSet<>(List.of(PROJECT_ROOT_VARIABLE));
        for (ProviderEnvironment provided : providers) {
            String id = provided.location().id();
            if (provided.location().provider().origin().builtIn()) {
                claimed.addAll(provided.spec().set().keySet());
                keptProviders.add(provided);
                continue;
            }
            List<String> own = provided.spec().set().keySet().stream()
                    .filter(name -> !claimed.contains(name) && value(name).equals(provided.spec().set().get(name)))
                    .toList();
            Optional<String> refusal = own.stream()
                    .map(name -> EnvironmentScript.refusal(name, set.get(name), dialect)).flatMap(Optional::stream)
                    .findFirst();
            if (refusal.isPresent()) {
                own.forEach(kept::remove);
                moreProblems.add(new EnvironmentProblem(id, "provider " + id + "'s variables are left out: "
                        + refusal.get()));
                continue;
            }
            claimed.addAll(own);
            keptProviders.add(provided);
        }
        keptUnset.removeIf(kept::containsKey);
        return new CacheEnvironment(kept, keptUnset, keptProviders, moreProblems);
    }

    private String value(String name) {
        String value = set.get(name);
        return value == null ? "" : value;
    }

    private static EnvironmentProblem reserved(String id, String action, String name) {
        return new EnvironmentProblem(id, "provider " + id + " asked to " + action + " " + name + ", which a provider"
                + " may not touch (" + ReservedVariables.reason(name).orElseThrow() + "); it is skipped and the"
                + " provider's other variables are used: report it to the provider's author");
    }

    private static EnvironmentProblem invalidName(String id, String name) {
        return new EnvironmentProblem(id, "provider " + id + " asked for a variable named '" + name
                + "', which is not a portable name (letters, digits and _, not starting with a digit); it is"
                + " skipped: report it to the provider's author");
    }
}
