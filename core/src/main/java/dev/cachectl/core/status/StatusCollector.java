package dev.cachectl.core.status;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.registry.ProviderCallException;
import dev.cachectl.core.registry.ProviderFailure;
import dev.cachectl.core.registry.RegisteredProvider;
import dev.cachectl.core.scan.ProgressListener;
import dev.cachectl.core.scan.ScanError;
import dev.cachectl.core.scan.ScanOptions;
import dev.cachectl.core.scan.TreeScanner;
import dev.cachectl.core.scan.TreeUsage;
import dev.cachectl.core.tree.DirectoryCacheTree;
import dev.cachectl.core.workspace.CacheLocation;
import dev.cachectl.core.workspace.ProviderSelection;
import dev.cachectl.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code status} report of a workspace: measures every selected cache (and the legacy caches),
 * asks the providers for findings (and details), and checks the environment and outside locations. Nothing
 * here fails the report: a problem becomes a warning and the rest is still measured.
 */
public final class StatusCollector {

    private final TreeScanner scanner;
    private final ScanOptions options;

    /** A collector measuring with {@code scanner} and {@code options} (progress included). */
    public StatusCollector(TreeScanner scanner, ScanOptions options) {
        this.scanner = scanner;
        this.options = options;
    }

    /** A collector with the fastest scanner of this platform, reporting each walk's progress to {@code progress}. */
    public static StatusCollector standard(ProgressListener progress) {
        return new StatusCollector(TreeScanner.create(), ScanOptions.DEFAULTS.withProgress(progress));
    }

    /** The report for {@code request}. */
    public StatusReport collect(Workspace workspace, StatusRequest request) throws UnknownProviderException {
        List<CacheLocation> selected = select(workspace, request.providerIds());
        List<StatusWarning> warnings = new ArrayList<>();
        for (ProviderFailure failure : workspace.registry().failures()) {
            warnings.add(new StatusWarning(StatusCodes.PROVIDER_FAILED, "provider " + failure.id() + " ("
                    + failure.origin().module() + ", " + failure.origin().source() + ") failed: " + failure.reason()));
        }
        List<CacheStatus> rows = new ArrayList<>();
        for (CacheLocation location : selected) {
            rows.add(providerRow(location, request.details(), warnings));
        }
        warnings.addAll(new EnvironmentDriftCheck(workspace, request.workingDirectory()).check(selected));
        warnings.addAll(new OutsideCacheCheck(workspace, scanner, options).check(selected));
        if (request.providerIds().isEmpty()) {
            for (String legacy : workspace.config().legacyCaches()) {
                rows.add(legacyRow(workspace, legacy, warnings));
            }
        }
        Map<StatusGroup, TreeUsage> totals = new EnumMap<>(StatusGroup.class);
        TreeUsage total = TreeUsage.EMPTY;
        for (CacheStatus row : rows) {
            totals.merge(row.group(), row.usage(), TreeUsage::plus);
            total = total.plus(row.usage());
        }
        LoadedConfig config = workspace.config();
        return new StatusReport(workspace.project().root(), workspace.project().configFile(), config.source(), rows,
                totals, total, warnings, scanner.implementation().exactDiskBytes());
    }

    /** Every location, or those the requested ids (and groups) name, in the order given. */
    private static List<CacheLocation> select(Workspace workspace, List<String> ids) throws UnknownProviderException {
        try {
            return ProviderSelection.select(workspace, ids);
        } catch (ProviderSelection.UnknownTargetException e) {
            throw new UnknownProviderException(e.getMessage());
        }
    }

    private CacheStatus providerRow(CacheLocation location, boolean details, List<StatusWarning> warnings) {
        RegisteredProvider provider = location.provider();
        Path dir = location.directory();
        String where = provider.id() + " cache " + location.configured();
        Optional<TreeUsage> usage = measure(dir, where, warnings);
        Optional<CacheDetails> view = Optional.empty();
        if (usage.isPresent()) {
            if (!Files.isWritable(dir)) {
                warnings.add(new StatusWarning(StatusCodes.CACHE_DIR_NOT_WRITABLE, "the " + where + " (" + dir
                        + ") is not writable, so downloads into it fail; fix its permissions (chmod u+w) or"
                        + " configure another directory"));
            }
            DirectoryCacheTree tree = new DirectoryCacheTree(dir);
            try {
                for (CacheFinding finding : provider.inspect(tree)) {
                    warnings.add(new StatusWarning(finding.code(), provider.id() + ": " + finding.message()
                            + (finding.fix().isBlank() ? "" : "; fix: " + finding.fix())));
                }
                if (details) {
                    view = Optional.of(provider.details(tree));
                }
            } catch (ProviderCallException e) {
                warnings.add(new StatusWarning(StatusCodes.PROVIDER_FAILED, e.getMessage()));
            }
        } else if (!Files.exists(dir)) {
            warnings.add(new StatusWarning(StatusCodes.CACHE_DIR_MISSING, "the " + where + " (" + dir
                    + ") does not exist; run 'cachectl init' to create it"));
        }
        return new CacheStatus(StatusGroup.of(provider.category()), Optional.of(provider.id()),
                provider.displayName(), dir, location.configured(), usage.isPresent(),
                usage.orElse(TreeUsage.EMPTY), view, CacheStatus.realPathOf(dir));
    }

    private CacheStatus legacyRow(Workspace workspace, String configured, List<StatusWarning> warnings) {
        Path dir = CachePaths.resolve(workspace.project().root(), workspace.host().home(), configured);
        Optional<TreeUsage> usage = Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                ? measure(dir, "legacy cache " + configured, warnings) : Optional.empty();
        usage.filter(u -> u.entries() > 1).ifPresent(u -> warnings.add(new StatusWarning(
                StatusCodes.LEGACY_CACHE_NOT_EMPTY, "the legacy cache " + configured + " still holds "
                + HumanBytes.format(u.diskBytes()) + " in " + u.files() + " file(s); nothing reads it any more:"
                + " move what you need into the configured caches ('cachectl migrate') and delete it")));
        return new CacheStatus(StatusGroup.LEGACY, Optional.empty(), "legacy cache", dir, configured,
                usage.isPresent(), usage.orElse(TreeUsage.EMPTY), Optional.empty(), CacheStatus.realPathOf(dir));
    }

    /** The usage of an existing directory; empty (with a warning) when it is missing or not a directory. */
    private Optional<TreeUsage> measure(Path dir, String where, List<StatusWarning> warnings) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            warnings.add(new StatusWarning(StatusCodes.CACHE_DIR_NOT_DIRECTORY, "the " + where + " (" + dir
                    + ") is not a directory; move the file away and run 'cachectl init'"));
            return Optional.empty();
        }
        try {
            TreeUsage usage = scanner.scan(dir, options);
            if (!usage.errors().isEmpty()) {
                ScanError first = usage.errors().getFirst();
                int count = usage.errors().size();
                warnings.add(new StatusWarning(StatusCodes.SCAN_INCOMPLETE, count + " entr" + (count == 1 ? "y" : "ies")
                        + " of the " + where + " could not be read (" + first + "); its sizes leave them"
                        + " out: fix the permissions (e.g. chmod -R u+rX) to measure them"));
            }
            return Optional.of(usage);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warnings.add(new StatusWarning(StatusCodes.SCAN_INCOMPLETE, "the " + where + " (" + dir
                    + ") could not be read: " + e.getMessage() + "; fix its permissions (chmod u+rx)"));
            return Optional.empty();
        }
    }
}
