package dev.cachectl.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import dev.cachectl.api.CacheProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md ("Rules the tests enforce"), checked on the compiled classes of every
 * module: the jars or class folders the running build actually uses.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importAllModules() throws URISyntaxException, ClassNotFoundException, IOException {
        Set<Path> locations = new LinkedHashSet<>();
        locations.add(locationOf(CacheProvider.class.getProtectionDomain().getCodeSource().getLocation()));
        locations.add(locationOf(Main.class.getProtectionDomain().getCodeSource().getLocation()));
        locations.add(locationOf(dev.cachectl.core.workspace.Workspace.class.getProtectionDomain().getCodeSource()
                .getLocation()));
        // Not read by the cli module: load by name (loading needs no readability, access would).
        locations.add(locationOf(Class.forName("dev.cachectl.schemas.HardwareCacheSchema", false,
                ArchitectureTest.class.getClassLoader()).getProtectionDomain().getCodeSource().getLocation()));
        for (CacheProvider provider : ServiceLoader.load(CacheProvider.class)) {
            locations.add(locationOf(provider.getClass().getProtectionDomain().getCodeSource().getLocation()));
        }
        List<Location> archLocations = new ArrayList<>();
        for (Path location : locations) {
            // ArchUnit reads a jar only through a jar location; a plain path is taken as a class folder.
            archLocations.add(location.toString().endsWith(".jar") ? Location.of(new JarFile(location.toFile()))
                    : Location.of(location));
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(archLocations);
    }

    private static Path locationOf(URL url) throws URISyntaxException {
        return Path.of(url.toURI());
    }

    static final ArchRule API_DEPENDS_ON_JAVA_BASE_ONLY = noClasses()
            .that().resideInAPackage("dev.cachectl.api..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.cachectl.api..")
            .because("the SPI jar is all a provider author compiles against (java.base only)");

    static final ArchRule PROVIDERS_DEPEND_ON_API_ONLY = noClasses()
            .that().resideInAPackage("dev.cachectl.providers..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.cachectl.api..",
                    "dev.cachectl.providers..")
            .because("providers hold knowledge; all machinery lives in core");

    static final ArchRule PROVIDERS_DO_NOT_DO_FILE_IO = noClasses()
            .that().resideInAPackage("dev.cachectl.providers..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().resideInAPackage("java.io..")
            .because("the host does every file operation; providers read through CacheTree");

    static final ArchRule CORE_DOES_NOT_KNOW_CLI_OR_PROVIDERS = noClasses()
            .that().resideInAPackage("dev.cachectl.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cachectl.cli..", "dev.cachectl.providers..",
                    "picocli..")
            .because("core serves any front end and finds providers only through the SPI");

    static final ArchRule CLI_USES_CORE_NOT_LIBRARIES = noClasses()
            .that().resideInAPackage("dev.cachectl.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cachectl.providers..", "tools.jackson..",
                    "com.fasterxml..", "com.networknt..", "org.slf4j..")
            .because("the CLI is thin: parse, call core, render");

    static final ArchRule SCHEMAS_DEPEND_ON_NOTHING = noClasses()
            .that().resideInAPackage("dev.cachectl.schemas..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.cachectl.schemas..")
            .because("the schema module is a resource holder");

    static final ArchRule ONLY_THE_CLI_WRITES_TO_THE_CONSOLE = noClasses()
            .that().resideOutsideOfPackage("dev.cachectl.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("results and diagnostics are rendered by the CLI through injected writers");

    static final ArchRule ONLY_THE_NATIVE_LAYER_CALLS_NATIVE_CODE = noClasses()
            .that().resideOutsideOfPackage("dev.cachectl.core.fs.linux..")
            .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..")
            .because("every native binding sits behind one availability check (OS, architecture, native access)");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.cachectl.(**)").should().beFreeOfCycles()
            .because("cycles make the modules impossible to split or test alone");

    @Test
    void sawARealisticNumberOfClasses() {
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.cachectl.api", "dev.cachectl.core.config", "dev.cachectl.cli",
                        "dev.cachectl.providers.ml", "dev.cachectl.providers.app", "dev.cachectl.schemas");
        assertThat(classes.size()).isGreaterThan(40);
    }

    @Test
    void apiDependsOnJavaBaseOnly() {
        API_DEPENDS_ON_JAVA_BASE_ONLY.check(classes);
    }

    @Test
    void providersDependOnApiOnly() {
        PROVIDERS_DEPEND_ON_API_ONLY.check(classes);
    }

    @Test
    void providersDoNoFileIo() {
        PROVIDERS_DO_NOT_DO_FILE_IO.check(classes);
    }

    @Test
    void coreDoesNotKnowCliOrProviders() {
        CORE_DOES_NOT_KNOW_CLI_OR_PROVIDERS.check(classes);
    }

    @Test
    void cliUsesCoreNotLibraries() {
        CLI_USES_CORE_NOT_LIBRARIES.check(classes);
    }

    @Test
    void schemasDependOnNothing() {
        SCHEMAS_DEPEND_ON_NOTHING.check(classes);
    }

    @Test
    void onlyTheCliWritesToTheConsole() {
        ONLY_THE_CLI_WRITES_TO_THE_CONSOLE.check(classes);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(classes);
    }

    @Test
    void onlyTheNativeLayerCallsNativeCode() {
        ONLY_THE_NATIVE_LAYER_CALLS_NATIVE_CODE.check(classes);
    }
}
