package dev.cachectl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The plugin jars of the plugin ITs, compiled once per test JVM (under {@code target/plugin-it}) against the
 * distribution's api jar: working plugins (modular, plain, with a dependency, with a settings schema) and one
 * jar per way a plugin can be broken.
 */
final class PluginFixtures {

    private static PluginFixtures shared;

    final Path root;
    final PluginJars jars;
    final Path apiJar;
    final Path whisper;
    final Path lexicon;
    final Path namingLib;
    final Path withDependency;
    final Path corrupt;
    final Path needy;
    final Path split;
    final Path constructorThrows;
    final Path describeThrows;
    final Path futureApi;
    final Path dupA;
    final Path dupB;
    final Path takeover;
    final Path tuned;

    /** The fixtures, built on first use. */
    static synchronized PluginFixtures shared() throws IOException {
        if (shared == null) {
            shared = new PluginFixtures(Path.of("target", "plugin-it").toAbsolutePath());
        }
        return shared;
    }

    private PluginFixtures(Path root) throws IOException {
        this.root = root;
        deleteTree(root);
        apiJar = PluginJars.find(DistributionIT.DIST.resolve("lib"), "cachectl-api-");
        jars = new PluginJars(apiJar, root);
        whisper = modular("whisper-models.jar", "com.example.whisper",
                ProviderSource.of("com.example.whisper.WhisperCppProvider", "whispercpp"));
        ProviderSource lexiconSource = ProviderSource.of("org.example.lexicon.LexiconProvider", "lexicon").application();
        lexicon = jars.jar("lexicon-plain.jar").source(lexiconSource.path(), lexiconSource.text())
                .resource("META-INF/services/dev.cachectl.api.CacheProvider", lexiconSource.qualifiedName() + "\n")
                .build();
        namingLib = jars.jar("naming-lib.jar")
                .source("module-info.java", "module com.example.naming { exports com.example.naming; }")
                .source("com/example/naming/Names.java", """
                        package com.example.naming;
                        public final class Names {
                            public static String displayName(String id) { return "Named by a library: " + id; }
                        }
                        """).build();
        ProviderSource withDependencySource = ProviderSource.of("com.example.withdep.WithDependencyProvider", "withdep")
                .displayName("return com.example.naming.Names.displayName(id());");
        withDependency = jars.jar("withdep.jar")
                .source("module-info.java", moduleInfo("com.example.withdep", withDependencySource,
                        "requires com.example.naming;"))
                .source(withDependencySource.path(), withDependencySource.text())
                .compiledAgainst(namingLib).build();
        corrupt = root.resolve("jars/corrupt.jar");
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "this is not a zip file");
        Path missingLib = jars.jar("missing-lib.jar")
                .source("module-info.java", "module com.example.missing { exports com.example.missing; }")
                .source("com/example/missing/Gone.java", "package com.example.missing; public final class Gone {}")
                .build();
        ProviderSource needySource = ProviderSource.of("com.example.needy.NeedyProvider", "needy");
        needy = jars.jar("needy.jar")
                .source("module-info.java", moduleInfo("com.example.needy", needySource, "requires com.example.missing;"))
                .source(needySource.path(), needySource.text()).compiledAgainst(missingLib).build();
        ProviderSource splitSource = ProviderSource.of("com.example.split.SplitProvider", "split");
        split = jars.jar("split.jar")
                .source("module-info.java", moduleInfo("com.example.split", splitSource, ""))
                .source(splitSource.path(), splitSource.text())
                .sourceCompiledApart("dev/cachectl/api/Sneaky.java", "package dev.cachectl.api; public class Sneaky {}")
                .build();
        constructorThrows = modular("ctor-throws.jar", "com.example.ctor",
                ProviderSource.of("com.example.ctor.LicensedProvider", "licensed")
                        .constructor("throw new IllegalStateException(\"no license key\");"));
        describeThrows = modular("spi-throws.jar", "com.example.spi",
                ProviderSource.of("com.example.spi.MoodyProvider", "moody")
                        .displayName("throw new UnsupportedOperationException(\"not in the mood\");"));
        futureApi = modular("future-api.jar", "com.example.future",
                ProviderSource.of("com.example.future.FutureProvider", "future").apiVersion("99"));
        dupA = modular("dup-a.jar", "com.example.dupa", ProviderSource.of("com.example.dupa.DupProvider", "dup"));
        dupB = modular("dup-b.jar", "com.example.dupb", ProviderSource.of("com.example.dupb.DupProvider", "dup"));
        takeover = modular("takeover.jar", "com.example.takeover",
                ProviderSource.of("com.example.takeover.TorchProvider", "torch"));
        ProviderSource tunedSource = ProviderSource.of("com.example.tuned.TunedProvider", "tuned").application();
        tuned = jars.jar("tuned.jar").source("module-info.java", moduleInfo("com.example.tuned", tunedSource, ""))
                .source(tunedSource.path(), tunedSource.text())
                .resource("META-INF/cachectl/providers/tuned.schema.json", """
                        {
                          "$schema": "https://json-schema.org/draft/2020-12/schema",
                          "type": "object",
                          "properties": {
                            "threads": { "type": "integer", "minimum": 1 },
                            "languages": { "type": "array", "items": { "type": "string", "pattern": "^[a-z]{2}$" } }
                          },
                          "additionalProperties": false
                        }
                        """).build();
    }

    private Path modular(String fileName, String module, ProviderSource provider) throws IOException {
        return jars.jar(fileName).source("module-info.java", moduleInfo(module, provider, ""))
                .source(provider.path(), provider.text()).build();
    }

    private static String moduleInfo(String module, ProviderSource provider, String extra) {
        return "module " + module + " { requires dev.cachectl.api; " + extra
                + " provides dev.cachectl.api.CacheProvider with " + provider.qualifiedName() + "; }";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
