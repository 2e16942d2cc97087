package dev.cachectl.core.gitignore;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.exec.CommandResolver;
import dev.cachectl.core.exec.ResolvedCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the installed git which paths it ignores: {@code git check-ignore --no-index -v -n -z --stdin}, run in
 * the project root. {@code --no-index} makes git answer from the ignore rules alone, even for paths that hold
 * tracked files; {@code -v -n} reports the deciding line for every path (a {@code !} line means "not
 * ignored"). Each directory is passed as {@code DIR/}: git then checks every folder down to and including
 * {@code DIR} as a leading folder and {@code DIR/} itself as an empty name inside it, which answers "are files
 * in this directory ignored?", also when it does not exist yet.
 */
final class GitCheckIgnore {

    private static final long TIMEOUT_SECONDS = 30;

    private GitCheckIgnore() {
    }

    /** The git program on the host's {@code PATH}, if any. */
    static Optional<Path> git(HostEnvironment host, Path workingDirectory) {
        ResolvedCommand resolved = CommandResolver.resolve("git", host.variables(), workingDirectory, host.windows());
        return resolved instanceof ResolvedCommand.Found found ? Optional.of(found.executable()) : Optional.empty();
    }

    /**
     * The deciding rule of each path (relative to {@code projectRoot}, {@code /} separators), in order.
     *
     * @throws IOException when git cannot be run or fails; the message says why
     */
    static List<Optional<IgnoreRule>> decide(Path git, Path projectRoot, GitRepository repository,
                                             List<String> relativePaths, HostEnvironment host)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(git.toString(), "check-ignore", "--no-index", "-v", "-n", "-z",
                "--stdin").directory(projectRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(host.variables());
        Process process = builder.start();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            for (String path : relativePaths) {
                in.write((path + "/").getBytes(StandardCharsets.UTF_8));
                in.write(0);
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("git check-ignore did not answer within " + TIMEOUT_SECONDS + " s");
        }
        int code = process.exitValue();
        if (code != 0 && code != 1) {
            String message = new String(errors.join(), StandardCharsets.UTF_8).strip();
            throw new IOException("git check-ignore failed (exit " + code + "): "
                    + (message.isEmpty() ? "no message" : message.lines().findFirst().orElse(message)));
        }
        return parse(output.join(), relativePaths.size(), repository);
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Four NUL-terminated fields per path: source, line number, pattern, path (empty fields: no match). */
    private static List<Optional<IgnoreRule>> parse(byte[] output, int expected, GitRepository repository)
            throws IOException {
        String[] fields = new String(output, StandardCharsets.UTF_8).split("\0", -1);
        if (fields.length < expected * 4) {
            throw new IOException("git check-ignore answered " + fields.length / 4 + " paths, expected " + expected);
        }
        List<Optional<IgnoreRule>> rules = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            String source = fields[i * 4];
            if (source.isEmpty()) {
                rules.add(Optional.empty());
                continue;
            }
            // git names a file inside the work tree relative to its top, any other file absolutely.
            Path file = repository.workTree().resolve(source).toAbsolutePath().normalize();
            int line = Integer.parseInt(fields[i * 4 + 1]);
            rules.add(Optional.of(new IgnoreRule(new IgnoreRule.Source(file, kind(file, repository)), line,
                    fields[i * 4 + 2])));
        }
        return rules;
    }

    private static IgnoreRule.Kind kind(Path file, GitRepository repository) {
        if (file.equals(repository.infoExclude().toAbsolutePath().normalize())) {
            return IgnoreRule.Kind.INFO_EXCLUDE;
        }
        if (file.getFileName() != null && file.getFileName().toString().equals(".gitignore")
                && file.startsWith(repository.workTree())) {
            return IgnoreRule.Kind.GITIGNORE;
        }
        return IgnoreRule.Kind.GLOBAL_EXCLUDES;
    }
}
