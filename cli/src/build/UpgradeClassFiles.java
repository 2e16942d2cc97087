import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the distribution (run as a source-file program by cli/pom.xml): rewrites the class files of
 * every jar in a folder that are older than Java 6 (major version 50) as Java 8 class files, with stack maps
 * computed by the JDK's ClassFile API and the bytecode otherwise unchanged.
 *
 * <p>Why: the JDK 25 AOT cache cannot keep a pre-Java-6 class once it is linked ("Skipping ...: Old class
 * has been linked"), so such a library is loaded, parsed and verified (by the old inferencing verifier) from
 * its jar on every start. picocli 4.7 is compiled for Java 5; its ~170 classes were the largest single cost of
 * {@code cachectl --version}. Upgraded, they come from the AOT cache like every other class. The JVM still
 * verifies the rewritten classes against their new stack maps, so a bad rewrite fails the build's AOT training
 * run and the distribution tests instead of passing silently. Signed jars are left alone (a rewrite would
 * break the signature); running the step twice changes nothing.
 *
 * <p>Usage: {@code java UpgradeClassFiles.java LIB_DIR}
 */
public final class UpgradeClassFiles {

    private static final int OLDEST_KEPT = ClassFile.JAVA_6_VERSION;
    private static final int TARGET = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeClassFiles.java LIB_DIR");
            System.exit(2);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                int upgraded = upgrade(jar);
                if (upgraded > 0) {
                    System.out.println("upgraded " + upgraded + " class files of " + jar.getFileName()
                            + " to Java 8 (for the AOT cache)");
                }
            }
        }
    }

    /** Rewrites {@code jar} in place if it holds old class files; returns how many it rewrote. */
    private static int upgrade(Path jar) throws IOException {
        if (!holdsOldClasses(jar)) {
            return 0;
        }
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int count = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             OutputStream file = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(file)) {
            // Stack maps need the class hierarchy: the JDK's own classes, then the jar's.
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < OLDEST_KEPT) {
                        // Transforming the method bodies makes the ClassFile API rebuild each Code attribute
                        // and so generate the stack maps the new version requires.
                        bytes = classFile.transformClass(model,
                                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                                        .andThen(ClassTransform.endHandler(builder -> builder.withVersion(TARGET, 0))));
                        count++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rewritten);
            throw e;
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        return count;
    }

    /** Whether {@code jar} is unsigned and holds at least one class file older than Java 6. */
    private static boolean holdsOldClasses(Path jar) throws IOException {
        boolean old = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA")
                        || name.endsWith(".DSA") || name.endsWith(".EC"))) {
                    return false;
                }
                if (!old && name.endsWith(".class")) {
                    old = majorVersion(in) < OLDEST_KEPT;
                }
            }
        }
        return old;
    }

    private static int majorVersion(InputStream classBytes) throws IOException {
        byte[] header = classBytes.readNBytes(8);
        return header.length < 8 ? Integer.MAX_VALUE : ((header[6] & 0xff) << 8) | (header[7] & 0xff);
    }
}
