package dev.cachectl.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds provider plugin jars during a test: writes the sources, compiles them with the running JDK's compiler
 * against a given api jar, and packs them with the JDK's {@code jar} tool. A source set with a
 * {@code module-info.java} becomes a modular jar (compiled on the module path), any other a plain jar
 * (compiled on the class path).
 */
final class PluginJars {

    private final Path apiJar;
    private final Path workDir;

    /**
     * @param apiJar  the cachectl api jar to compile against (the distribution's, so plugins see what users see)
     * @param workDir where sources, classes and jars go
     */
    PluginJars(Path apiJar, Path workDir) {
        this.apiJar = apiJar;
        this.workDir = workDir;
    }

    /** Starts a jar named {@code fileName}. */
    Spec jar(String fileName) {
        return new Spec(fileName);
    }

    /** The sources and resources of one jar. */
    final class Spec {
        private final String fileName;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, String> apartSources = new LinkedHashMap<>();
        private final Map<String, String> resources = new LinkedHashMap<>();
        private final List<Path> libraries = new ArrayList<>();

        private Spec(String fileName) {
            this.fileName = fileName;
        }

        /** A Java source file, by its path relative to the source root (e.g. {@code com/x/A.java}). */
        Spec source(String path, String text) {
            sources.put(path, text);
            return this;
        }

        /**
         * A Java source compiled on its own, outside the module, and packed into the same jar: the only way
         * javac lets a jar carry a package that another module already has (a split package).
         */
        Spec sourceCompiledApart(String path, String text) {
            apartSources.put(path, text);
            return this;
        }

        /** A resource, e.g. {@code META-INF/services/dev.cachectl.api.CacheProvider}. */
        Spec resource(String path, String text) {
            resources.put(path, text);
            return this;
        }

        /**
         * Every {@code .java} file under {@code sourceRoot} as a source and every file under {@code resourceRoot}
         * as a resource, as Maven would pack them.
         */
        Spec tree(Path sourceRoot, Path resourceRoot) throws IOException {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    source(sourceRoot.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            try (Stream<Path> files = Files.walk(resourceRoot)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    resource(resourceRoot.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            return this;
        }

        /** Jars the sources compile against besides the api jar (a plugin's dependencies). */
        Spec compiledAgainst(Path... jars) {
            libraries.addAll(List.of(jars));
            return this;
        }

        /** Compiles and packs the jar; returns its path. */
        Path build() throws IOException {
            Path base = workDir.resolve("build").resolve(fileName);
            Path classes = base.resolve("classes");
            Files.createDirectories(classes);
            compile(base.resolve("src"), sources, classes, sources.containsKey("module-info.java"));
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                write(classes.resolve(resource.getKey()), resource.getValue());
            }
            Path jar = workDir.resolve("jars").resolve(fileName);
            Files.createDirectories(jar.getParent());
            List<String> args = new ArrayList<>(List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
            if (!apartSources.isEmpty()) {
                // Its own output folder: javac takes a module-info.class in the output folder as the module to join.
                Path apart = base.resolve("classes-apart");
                Files.createDirectories(apart);
                compile(base.resolve("src-apart"), apartSources, apart, false);
                args.addAll(List.of("-C", apart.toString(), "."));
            }
            run(java.util.spi.ToolProvider.findFirst("jar").orElseThrow(), args.toArray(String[]::new));
            return jar;
        }

        private void compile(Path sourceRoot, Map<String, String> files, Path classes, boolean modular)
                throws IOException {
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "25",
                    "-Xlint:-options", "-implicit:none"));
            List<Path> path = new ArrayList<>(List.of(apiJar));
            path.addAll(libraries);
            String joined = String.join(java.io.File.pathSeparator, path.stream().map(Path::toString).toList());
            args.addAll(modular ? List.of("--module-path", joined) : List.of("-classpath", joined));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = sourceRoot.resolve(file.getKey());
                write(target, file.getValue());
                args.add(target.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = javac.run(null, err, err, args.toArray(String[]::new));
            if (code != 0) {
                throw new IllegalStateException("javac failed for " + fileName + ":\n" + err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** Copies jars into a fresh folder {@code name} under the work dir; returns the folder. */
    Path folder(String name, Path... jars) throws IOException {
        Path folder = workDir.resolve("folders").resolve(name);
        Files.createDirectories(folder);
        for (Path jar : jars) {
            Files.copy(jar, folder.resolve(jar.getFileName()));
        }
        return folder;
    }

    /** The first file in {@code dir} whose name starts with {@code prefix}. */
    static Path find(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "* in " + dir));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void run(java.util.spi.ToolProvider tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = tool.run(stream, stream, args);
        if (code != 0) {
            throw new IllegalStateException(tool.name() + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
