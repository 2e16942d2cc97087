package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {

    @TempDir
    Path temp;

    @Test
    void printsTheSchemaWithItsIdAndDialect() {
        CliHarness.Result run = new CliHarness(temp, temp).run("schema");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("{")
                .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"")
                .contains("\"$id\": \"https://cachectl.dev/schemas/hardware_cache.schema.json\"")
                .endsWith("}" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }
}
