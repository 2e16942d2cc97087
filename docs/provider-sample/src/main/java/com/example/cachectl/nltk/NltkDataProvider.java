package com.example.cachectl.nltk;

import dev.cachectl.api.CacheCategory;
import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheProvider;
import dev.cachectl.api.CacheTree;
import dev.cachectl.api.ConfigKey;
import dev.cachectl.api.EntryKind;
import dev.cachectl.api.EnvironmentSpec;
import dev.cachectl.api.HostEnvironment;
import dev.cachectl.api.OutsideLocation;
import dev.cachectl.api.Severity;
import dev.cachectl.api.TreeEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NLTK data ({@code nltk.download()}): packages in category folders ({@code corpora/wordnet.zip},
 * {@code tokenizers/punkt/}). NLTK searches {@code NLTK_DATA} first and downloads into the first writable folder
 * it searches, so pointing {@code NLTK_DATA} at the project keeps the data out of {@code ~/nltk_data}.
 *
 * <p>It only describes: cachectl walks, sizes, clears and migrates the folder, and hands this provider a
 * read-only {@link CacheTree} for {@link #inspect} and {@link #details}. No state, no I/O, cheap to create.
 */
public final class NltkDataProvider implements CacheProvider {

    /** The folders {@code nltk.download()} files packages into. */
    static final Set<String> CATEGORIES = Set.of("chunkers", "corpora", "grammars", "help", "misc", "models",
            "sentiment", "stemmers", "taggers", "tokenizers");

    /** Called by {@link java.util.ServiceLoader}: a public no-argument constructor that does nothing. */
    public NltkDataProvider() {
    }

    /** The constant is copied in at compile time: this is how cachectl learns which api this was built for. */
    @Override
    public int apiVersion() {
        return CacheProvider.API_VERSION;
    }

    @Override
    public String id() {
        return "nltk";
    }

    @Override
    public String displayName() {
        return "NLTK data";
    }

    @Override
    public CacheCategory category() {
        return CacheCategory.MODEL;
    }

    /** A plugin's directory lives in its category's map, under its id. */
    @Override
    public ConfigKey configKey() {
        return ConfigKey.of("model_caches", id());
    }

    /** Under the default {@code base_dir}, so setting {@code base_dir} moves it with the other model caches. */
    @Override
    public String defaultPath() {
        return ".cache/nltk_data";
    }

    @Override
    public EnvironmentSpec environment(Path directory) {
        return EnvironmentSpec.setting(Map.of("NLTK_DATA", directory.toString()));
    }

    /** Where NLTK puts data when nothing points it at the project: {@code NLTK_DATA}, else the home folder. */
    @Override
    public List<OutsideLocation> outsideLocations(HostEnvironment host) {
        List<OutsideLocation> locations = new ArrayList<>();
        String separator = host.windows() ? ";" : ":";
        host.get("NLTK_DATA").ifPresent(value -> {
            for (String entry : value.split(separator)) {
                if (!entry.isBlank() && Path.of(entry).isAbsolute()) {
                    locations.add(new OutsideLocation(Path.of(entry), "", "NLTK_DATA"));
                }
            }
        });
        Path base = host.windows() ? host.path("APPDATA").orElse(host.home()) : host.home();
        locations.add(new OutsideLocation(base.resolve("nltk_data"), "", host.windows()
                ? "default %APPDATA%\\nltk_data" : "default ~/nltk_data"));
        return List.copyOf(locations);
    }

    /** A folder NLTK would never create at the top level is worth a note: probably data put in the wrong place. */
    @Override
    public List<CacheFinding> inspect(CacheTree tree) {
        List<CacheFinding> findings = new ArrayList<>();
        for (TreeEntry entry : tree.list("")) {
            if (entry.kind() == EntryKind.DIRECTORY && !CATEGORIES.contains(entry.name())) {
                findings.add(new CacheFinding("NLTK_UNKNOWN_FOLDER", Severity.INFO, "'" + entry.name()
                        + "' is not an NLTK data category, so NLTK never reads it",
                        "move its packages into a category folder such as corpora/ or tokenizers/"));
            }
        }
        return List.copyOf(findings);
    }

    /** The installed packages by category: {@code wordnet.zip} and {@code wordnet/} are one package. */
    @Override
    public CacheDetails details(CacheTree tree) {
        Map<String, Object> categories = new LinkedHashMap<>();
        for (TreeEntry category : tree.list("")) {
            if (category.kind() != EntryKind.DIRECTORY || !CATEGORIES.contains(category.name())) {
                continue;
            }
            List<String> packages = new ArrayList<>();
            for (TreeEntry entry : tree.list(category.name())) {
                String name = entry.kind() == EntryKind.FILE && entry.name().endsWith(".zip")
                        ? entry.name().substring(0, entry.name().length() - ".zip".length())
                        : entry.kind() == EntryKind.DIRECTORY ? entry.name() : null;
                if (name != null && !packages.contains(name)) {
                    packages.add(name);
                }
            }
            categories.put(category.name(), List.copyOf(packages));
        }
        return categories.isEmpty() ? CacheDetails.NONE : new CacheDetails(Map.of("packages", categories));
    }
}
