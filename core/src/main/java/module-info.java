/**
 * cachectl's machinery: config loading and validation, the provider registry, scanning, clearing,
 * migration, environment rendering and checks. Its packages are exported to the CLI only.
 */
module dev.cachectl.core {
    requires transitive dev.cachectl.api;
    requires dev.cachectl.schemas;
    requires tools.jackson.databind;
    requires com.networknt.schema;
    requires org.slf4j;
    // sun.misc.Signal: exec stands aside for Ctrl-C while its child runs (see exec.SignalRelay).
    requires jdk.unsupported;
    // com.sun.security.auth.module.UnixSystem: the uid of this process, for the trust checks (see trust.FileSafety).
    requires jdk.security.auth;

    uses dev.cachectl.api.CacheProvider;

    exports dev.cachectl.core.config to dev.cachectl.cli;
    exports dev.cachectl.core.registry to dev.cachectl.cli;
    exports dev.cachectl.core.project to dev.cachectl.cli;
    exports dev.cachectl.core.json to dev.cachectl.cli;
    exports dev.cachectl.core.text to dev.cachectl.cli;
    exports dev.cachectl.core.validate to dev.cachectl.cli;
    exports dev.cachectl.core.workspace to dev.cachectl.cli;
    exports dev.cachectl.core.env to dev.cachectl.cli;
    exports dev.cachectl.core.trust to dev.cachectl.cli;
    exports dev.cachectl.core.tree to dev.cachectl.cli;
    exports dev.cachectl.core.gitignore to dev.cachectl.cli;
    exports dev.cachectl.core.exec to dev.cachectl.cli;
    exports dev.cachectl.core.status to dev.cachectl.cli;
    exports dev.cachectl.core.clear to dev.cachectl.cli;
    exports dev.cachectl.core.scan to dev.cachectl.cli;
    exports dev.cachectl.core.delete to dev.cachectl.cli;
    exports dev.cachectl.core.init to dev.cachectl.cli;
    exports dev.cachectl.core.doctor to dev.cachectl.cli;
    exports dev.cachectl.core.findings to dev.cachectl.cli;
    exports dev.cachectl.core.migrate to dev.cachectl.cli;
    exports dev.cachectl.core.log to dev.cachectl.cli;
}
