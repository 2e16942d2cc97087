/** The cachectl command line: parses, calls core, renders. Exports nothing. */
module dev.cachectl.cli {
    requires dev.cachectl.core;
    requires dev.cachectl.api;
    requires info.picocli;

    // picocli reflects on the command classes.
    opens dev.cachectl.cli to info.picocli;

    uses dev.cachectl.api.CacheProvider;
}
