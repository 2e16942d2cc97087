package dev.cachectl.core.delete;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clears a directory in a separate JVM (started as another user, or in another mount namespace, by tests) and
 * prints what happened: {@code FREED files dirs}, then {@code KEPT path<TAB>reason} and
 * {@code ERROR path<TAB>message} lines, then {@code EXISTS path} for each path given after the root that
 * still exists afterwards.
 */
public final class DeleteProbeMain {

    private DeleteProbeMain() {
    }

    /** {@code DeleteProbeMain nio|native ROOT [PATH_TO_CHECK...]}. */
    public static void main(String[] args) throws Exception {
        TreeDeleter deleter = args[0].equals("nio") ? TreeDeleter.nio() : TreeDeleter.linuxNative().orElse(null);
        if (deleter == null) {
            System.out.println("native deleter unavailable");
            System.exit(3);
        }
        Path root = Path.of(args[1]);
        DeletionReport report = deleter.clearContents(root, DeletionRequest.real());
        System.out.println("FREED " + report.freed().files() + " " + report.freed().dirs());
        report.kept().forEach(k -> System.out.println("KEPT " + k.relativePath() + "\t" + k.reason()));
        report.errors().forEach(e -> System.out.println("ERROR " + e.relativePath() + "\t" + e.message()));
        for (int i = 2; i < args.length; i++) {
            if (Files.exists(root.resolve(args[i]))) {
                System.out.println("EXISTS " + args[i]);
            }
        }
    }
}
