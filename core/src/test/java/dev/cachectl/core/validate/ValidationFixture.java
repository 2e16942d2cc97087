package dev.cachectl.core.validate;

import dev.cachectl.api.HostEnvironment;
import dev.cachectl.core.config.ConfigProblem;
import dev.cachectl.core.config.ConfigUnreadableException;
import dev.cachectl.core.registry.ProviderRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project in a temp dir (with a separate home) whose config a test writes and validates. */
final class ValidationFixture {

    final Path project;
    final Path home;
    final Path configFile;
    ProviderRegistry registry = ProviderRegistry.of(FakeProvider.builtIns());

    ValidationFixture(Path tempDir) {
        this.project = tempDir.resolve("work/project");
        this.home = tempDir.resolve("home/user");
        this.configFile = project.resolve("config/hardware_cache.json");
        try {
            Files.createDirectories(configFile.getParent());
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HostEnvironment host() {
        return new HostEnvironment(Map.of(), home, false);
    }

    /** Writes the config as UTF-8 text. */
    ValidationFixture write(String json) {
        return write(json.getBytes(StandardCharsets.UTF_8));
    }

    ValidationFixture write(byte[] bytes) {
        try {
            Files.write(configFile, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A config whose cache section is {@code cacheJson}. */
    ValidationFixture cache(String cacheJson) {
        return write("{\n  \"cache\": " + cacheJson + "\n}\n");
    }

    /** Validates the project's config as {@code cachectl validate} does. */
    ValidationReport report() {
        try {
            return ConfigValidation.run(project, Optional.empty(), Optional.empty(), registry, host());
        } catch (ConfigUnreadableException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    List<ConfigProblem> problems() {
        return report().problems();
    }

    List<String> codes() {
        return problems().stream().map(ConfigProblem::code).toList();
    }
}
