package dev.cachectl.core.registry;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheLayout;
import dev.cachectl.api.OutsideLocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The contract checks on what a provider returns, run inside the call boundary (so a provider-made collection
 * that throws or hangs while it is read is contained too). Each check copies what it accepts into plain
 * immutable JDK values, so nothing of the provider's runs again once the answer has been accepted.
 */
final class ProviderAnswers {

    /** How deep details may nest; a real outline is three or four levels. */
    static final int MAX_DEPTH = 32;

    /** How many values details may hold in all; more is a runaway (or a cycle). */
    static final int MAX_VALUES = 100_000;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private ProviderAnswers() {
    }

    /** The details, copied; every value a String, a finite Number, a Boolean, a List or a Map with String keys. */
    static CacheDetails details(CacheDetails details) {
        int[] budget = {MAX_VALUES};
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : details.properties().entrySet()) {
            copy.put(entry.getKey(), value(entry.getValue(), entry.getKey(), 1, budget));
        }
        return new CacheDetails(copy);
    }

    private static Object value(Object value, String where, int depth, int[] budget) {
        if (--budget[0] < 0) {
            throw new ProviderCalls.ContractViolation("details hold more than " + MAX_VALUES + " values");
        }
        if (depth > MAX_DEPTH) {
            throw new ProviderCalls.ContractViolation("details nest deeper than " + MAX_DEPTH + " levels at " + where
                    + " (a list or map that contains itself?)");
        }
        return switch (value) {
            case null -> throw new ProviderCalls.ContractViolation("details value " + where + " is null");
            case String s -> s;
            case Boolean b -> b;
            case Integer n -> n;
            case Long n -> n;
            case Short n -> n;
            case Byte n -> n;
            // copies: both classes can be subclassed, and a plugin's toString() must not run later, unbounded
            case BigInteger n -> new BigInteger(n.toByteArray());
            case BigDecimal n -> new BigDecimal(new BigInteger(n.unscaledValue().toByteArray()), n.scale());
            case Double d when Double.isFinite(d) -> d;
            case Float f when Float.isFinite(f) -> f;
            case Double d -> throw notFinite(where, d);
            case Float f -> throw notFinite(where, f);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                int i = 0;
                for (Object element : list) {
                    copy.add(value(element, where + "[" + i++ + "]", depth + 1, budget));
                }
                yield Collections.unmodifiableList(copy);
            }
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new ProviderCalls.ContractViolation("details map " + where + " has a key that is not a"
                                + " String: " + typeOf(entry.getKey()));
                    }
                    copy.put(key, value(entry.getValue(), where + "." + key, depth + 1, budget));
                }
                yield Collections.unmodifiableMap(copy);
            }
            default -> throw new ProviderCalls.ContractViolation("details value " + where + " is a " + typeOf(value)
                    + ", which has no JSON form; use String, Number, Boolean, List or Map");
        };
    }

    private static ProviderCalls.ContractViolation notFinite(String where, Number n) {
        return new ProviderCalls.ContractViolation("details value " + where + " is " + n + ", which JSON cannot"
                + " carry");
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /**
     * The findings, checked: each code upper-case ({@code [A-Z][A-Z0-9_]*}) and, for a plugin, in its own
     * namespace ({@code <ID>_}, the id in upper case with {@code -} as {@code _}), so a plugin cannot pass its
     * finding off as cachectl's or another provider's; message and fix on one line.
     */
    static List<CacheFinding> findings(List<CacheFinding> findings, String id, boolean builtIn) {
        List<CacheFinding> copy = List.copyOf(findings);
        String namespace = namespace(id);
        for (CacheFinding finding : copy) {
            if (!CODE.matcher(finding.code()).matches()) {
                throw new ProviderCalls.ContractViolation("finding code '" + oneLine(finding.code()) + "' is not"
                        + " 1-64 upper-case letters, digits and '_'");
            }
            if (!builtIn && !finding.code().startsWith(namespace)) {
                throw new ProviderCalls.ContractViolation("finding code " + finding.code() + " is outside the"
                        + " provider's namespace: a plugin's codes start with " + namespace);
            }
            // A line break is allowed through: a message names files, and a file name may hold one. Every text
            // output escapes it (TerminalText), so it can never forge a line there.
        }
        return copy;
    }

    /** The code prefix of provider {@code id}: {@code whisper-cpp} becomes {@code WHISPER_CPP_}. */
    static String namespace(String id) {
        return id.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** A lock's entry: a path relative to the cache directory with {@code /} separators that stays inside it. */
    static String relativeInside(String path, String method) {
        if (!insideRelative(path)) {
            throw new ProviderCalls.ContractViolation(method + " returned '" + oneLine(path) + "', which is not a"
                    + " relative path inside the cache (no leading '/', drive or '\\', no '..' segment)");
        }
        return path;
    }

    /** The outside locations, copied; each target relative and inside the provider's directory. */
    static List<OutsideLocation> outsideLocations(List<OutsideLocation> locations) {
        List<OutsideLocation> copy = List.copyOf(locations);
        for (OutsideLocation location : copy) {
            relativeInside(location.target(), "outsideLocations()");
        }
        return copy;
    }

    /**
     * The layout, checked: every target a relative path inside the cache, every pattern a glob the host can
     * compile.
     */
    static CacheLayout layout(CacheLayout layout) {
        relativeInside(layout.repoTarget(), "layout()");
        layout.repoFolders().forEach(ProviderAnswers::glob);
        layout.repoCompanions().forEach(ProviderAnswers::glob);
        for (CacheLayout.Placement placement : layout.placements()) {
            glob(placement.entry());
            relativeInside(placement.target(), "layout()");
        }
        return layout;
    }

    private static void glob(String pattern) {
        String glob = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new ProviderCalls.ContractViolation("layout() pattern '" + oneLine(pattern) + "' is not a glob: "
                    + oneLine(e.getDescription()));
        }
    }

    static boolean insideRelative(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0 || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String text) {
        String line = text.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
