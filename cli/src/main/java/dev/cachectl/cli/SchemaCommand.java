package dev.cachectl.cli;

import dev.cachectl.core.validate.ConfigSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cachectl schema}: prints the config's JSON Schema for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of config/hardware_cache.json, for editors and"
                + " other tools, e.g.: cachectl schema > hardware_cache.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    private final RootCommand root;

    SchemaCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        String text = ConfigSchema.text();
        root.invocation().out().print(text.endsWith("\n") ? text : text + System.lineSeparator());
        return ExitCode.OK;
    }
}
