package dev.cachectl.cli;

import dev.cachectl.core.registry.ProviderRegistry;
import dev.cachectl.core.registry.RegisteredProvider;
import dev.cachectl.core.workspace.ProviderSelection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The words shell completion offers for positional parameters and option values (picocli's
 * {@code completionCandidates}). Each is computed only when iterated, i.e. when a completion script is
 * generated, never when a command merely runs.
 */
final class CompletionCandidates {

    private CompletionCandidates() {
    }

    /** The ids of the providers shipped with cachectl (a plugin's ids are typed by hand). */
    static final class ProviderIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ProviderRegistry.loadBuiltIn().providers().stream().map(RegisteredProvider::id).iterator();
        }
    }

    /** What {@code clear} takes: the groups {@code models}, {@code app}, {@code all}, then the provider ids. */
    static final class ClearTargets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> targets = new ArrayList<>(ProviderSelection.GROUPS);
            new ProviderIds().forEach(targets::add);
            return targets.iterator();
        }
    }

    /** {@code validate --format}: the values as users type them, in lower case. */
    static final class ValidateFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lowerCase(ValidateCommand.Format.values());
        }
    }

    /** The shells {@code completion} writes a script for. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lowerCase(CompletionCommand.Shell.values());
        }
    }

    private static Iterator<String> lowerCase(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name().toLowerCase(Locale.ROOT));
        }
        return names.iterator();
    }
}
