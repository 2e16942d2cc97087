package dev.cachectl.core.gitignore;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.api.HostEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A throw-away git work tree with no user or system config leaking in from the machine. */
final class GitFixture {

    final Path top;
    final Path home;
    final HostEnvironment host;

    GitFixture(Path temp) throws IOException {
        this.top = temp.resolve("repo");
        this.home = temp.resolve("home");
        Files.createDirectories(top);
        Files.createDirectories(home.resolve(".config/git"));
        Map<String, String> variables = new HashMap<>();
        variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        variables.put("HOME", home.toString());
        variables.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        variables.put("GIT_CONFIG_NOSYSTEM", "1");
        this.host = new HostEnvironment(variables, home, false);
    }

    /** Skips the test when git is missing; otherwise runs {@code git init}. */
    GitFixture init() throws IOException, InterruptedException {
        assumeTrue(GitCheckIgnore.git(host, top).isPresent(), "git is not installed");
        run("init", "-q", ".");
        return this;
    }

    void run(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add("git");
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(top.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(host.variables());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        }
    }

    void write(String relative, String content) throws IOException {
        Path file = top.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    GitRepository repository() {
        return GitRepository.locate(top).orElseThrow();
    }
}
