package dev.cachectl.core.status;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.core.config.CachePaths;
import dev.cachectl.core.config.LoadedConfig;
import dev.cachectl.core.findings.Check;
import dev.cachectl.core.findings.Finding;
import dev.cachectl.core.paths.Placeholders;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the {@code status} report of a workspace: measures every selected cache (and the legacy caches),
 * asks the providers for findings (and details), and runs the cache checks (environment, outside locations).
 * Nothing here fails the report: a problem becomes a {@link Finding} (a provider's as the provider gave it)
 * and the rest is still measured.
 */
public final class StatusCollector {

    /** The check name of the findings about providers that did not load. */
    public static final String PROVIDERS = "providers";
    /** The check name of the findings about the caches themselves (directories, contents, providers' own). */
    public static final String CACHES = "caches";

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
        List<Finding> warnings = new ArrayList<>();
        for (ProviderFailure failure : workspace.registry().failures()) {
            warnings.add(StatusCodes.finding(PROVIDERS, StatusCodes.PROVIDER_FAILED, "provider " + failure.id()
                    + " (" + failure.origin().module() + ", " + failure.origin().source() + ") failed: "
                    + failure.reason()).about(failure.id()));
        }
        List<CacheStatus> rows = new ArrayList<>();
        for (CacheLocation location : selected) {
            rows.add(providerRow(location, request.details(), warnings));
        }
        for (Check check : List.of(new EnvironmentDriftCheck(workspace, request.workingDirectory(), selected),
                new OutsideCacheCheck(workspace, scanner, options, selected))) {
            warnings.addAll(check.run());
        }
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

    private CacheStatus providerRow(CacheLocation location, boolean details, List<Finding> found) {
        RegisteredProvider provider = location.provider();
        Path dir = location.directory();
        String where = provider.id() + " cache " + location.configured();
        List<Finding> warnings = new ArrayList<>();
        Optional<TreeUsage> usage = measure(dir, where, warnings);
        Optional<CacheDetails> view = Optional.empty();
        if (usage.isPresent()) {
            if (!Files.isWritable(dir)) {
                warnings.add(StatusCodes.finding(CACHES, StatusCodes.CACHE_DIR_NOT_WRITABLE, "the " + where + " ("
                        + dir + ") is not writable, so downloads into it fail; fix its permissions (chmod u+w) or"
                        + " configure another directory").at(dir));
            }
            DirectoryCacheTree tree = new DirectoryCacheTree(dir);
            try {
                for (CacheFinding finding : provider.inspect(tree)) {
                    warnings.add(Finding.fromProvider(CACHES, provider.id(), dir, finding));
                }
                if (details) {
                    view = Optional.of(provider.details(tree));
                }
            } catch (ProviderCallException e) {
                warnings.add(StatusCodes.finding(CACHES, StatusCodes.PROVIDER_FAILED, e.getMessage()));
            }
        } else if (!Files.exists(dir)) {
            warnings.add(StatusCodes.finding(CACHES, StatusCodes.CACHE_DIR_MISSING, "the " + where + " (" + dir
                    + ") does not exist; run 'cachectl init' to create it").at(dir));
        }
        warnings.forEach(w -> found.add(w.about(provider.id())));
        return new CacheStatus(StatusGroup.of(provider.category()), Optional.of(provider.id()),
                provider.displayName(), dir, location.configured(), usage.isPresent(),
                usage.orElse(TreeUsage.EMPTY), view, CacheStatus.realPathOf(dir));
    }

    private CacheStatus legacyRow(Workspace workspace, String configured, List<Finding> warnings) {
        Path dir = CachePaths.resolve(workspace.project().root(), workspace.host().home(), configured);
        Optional<TreeUsage> usage = Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                ? measure(dir, "legacy cache " + configured, warnings) : Optional.empty();
        usage.filter(u -> u.entries() > 1 && holdsMoreThanPlaceholders(dir)).ifPresent(u -> warnings.add(
                StatusCodes.finding(CACHES,
                StatusCodes.LEGACY_CACHE_NOT_EMPTY, "the legacy cache " + configured + " still holds "
                + HumanBytes.format(u.diskBytes()) + " in " + u.files() + " file(s); nothing reads it any more:"
                + " move what you need into the configured caches ('cachectl migrate') and delete it").at(dir)));
        return new CacheStatus(StatusGroup.LEGACY, Optional.empty(), "legacy cache", dir, configured,
                usage.isPresent(), usage.orElse(TreeUsage.EMPTY), Optional.empty(), CacheStatus.realPathOf(dir));
    }

    /** Whether {@code dir} holds anything but the placeholder files that keep it in git. */
    private static boolean holdsMoreThanPlaceholders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(entry -> !(Placeholders.isPlaceholder(entry.getFileName().toString())
                    && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)));
        } catch (IOException | UncheckedIOException e) {
            return true; // cannot tell: say so rather than hide a full legacy cache
        }
    }

    /** The usage of an existing directory; empty (with a warning) when it is missing or not a directory. */
    private Optional<TreeUsage> measure(Path dir, String where, List<Finding> warnings) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            warnings.add(StatusCodes.finding(CACHES, StatusCodes.CACHE_DIR_NOT_DIRECTORY, "the " + where + " ("
                    + dir + ") is not a directory; move the file away and run 'cachectl init'").at(dir));
            return Optional.empty();
        }
        try {
            TreeUsage usage = scanner.scan(dir, options);
            if (!usage.errors().isEmpty()) {
                ScanError first = usage.errors().getFirst();
                int count = usage.errors().size();
                warnings.add(StatusCodes.finding(CACHES, StatusCodes.SCAN_INCOMPLETE, count + " entr"
                        + (count == 1 ? "y" : "ies") + " of the " + where + " could not be read (" + first + "); its"
                        + " sizes leave them out: fix the permissions (e.g. chmod -R u+rX) to measure them").at(dir));
            }
            return Optional.of(usage);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warnings.add(StatusCodes.finding(CACHES, StatusCodes.SCAN_INCOMPLETE, "the " + where + " (" + dir
                    + ") could not be read: " + e.getMessage() + "; fix its permissions (chmod u+rx)").at(dir));
            return Optional.empty();
        }
    }
}
