package dev.cachectl.core.validate;

import dev.cachectl.core.validate.ConfiguredPath.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * No two caches may share a directory or nest inside each other: clearing one would delete the other.
 * The one allowed nesting is {@code base_dir} holding model caches, which is what it is for.
 */
final class OverlapRule {

    /** A safe directory and where it points. */
    record Placed(ConfiguredPath entry, ResolvedPath path) {
    }

    /** Two directories that overlap, and which of them the error points at. */
    record Overlap(ConfiguredPath blamed, ConfiguredPath other, String message) {
    }

    private OverlapRule() {
    }

    /**
     * The overlapping pairs among {@code placed}, each once. {@code filePosition} orders configured entries
     * by where they are written, so the error lands on the later one, the one most likely just added.
     */
    static List<Overlap> find(List<Placed> placed, ToLongFunction<ConfiguredPath> filePosition) {
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                check(placed.get(i), placed.get(j), filePosition).ifPresent(overlaps::add);
            }
        }
        return overlaps;
    }

    private static Optional<Overlap> check(Placed a, Placed b,
                                           ToLongFunction<ConfiguredPath> filePosition) {
        Kind ka = a.entry().kind();
        Kind kb = b.entry().kind();
        if (ka == Kind.UNKNOWN_PROVIDER || kb == Kind.UNKNOWN_PROVIDER || (ka == Kind.LEGACY && kb == Kind.LEGACY)) {
            return Optional.empty();
        }
        String relation;
        if (a.path().sameAs(b.path())) {
            relation = "is the same directory as";
        } else if (a.path().strictlyContains(b.path())) {
            if (ka == Kind.BASE_DIR && kb == Kind.MODEL) {
                return Optional.empty();
            }
            relation = "contains";
        } else if (b.path().strictlyContains(a.path())) {
            if (kb == Kind.BASE_DIR && ka == Kind.MODEL) {
                return Optional.empty();
            }
            relation = "is inside";
        } else {
            return Optional.empty();
        }
        boolean blameB = b.entry().configured() && (!a.entry().configured()
                || filePosition.applyAsLong(b.entry()) >= filePosition.applyAsLong(a.entry()));
        Placed blamed = blameB ? b : a;
        Placed other = blameB ? a : b;
        if (blameB) {
            relation = switch (relation) {
                case "contains" -> "is inside";
                case "is inside" -> "contains";
                default -> relation;
            };
        }
        String why = reason(blamed.entry().kind(), other.entry().kind());
        String message = blamed.entry().describe() + " " + relation + " " + other.entry().describe() + "; "
                + why + " Give each cache a directory of its own" + suggestion(blamed.entry()) + ".";
        return Optional.of(new Overlap(blamed.entry(), other.entry(), message));
    }

    private static String suggestion(ConfiguredPath entry) {
        return entry.defaultPath().isEmpty() || entry.defaultPath().equals(entry.raw()) ? ""
                : " (the default for " + entry.name() + " is \"" + entry.defaultPath() + "\")";
    }

    private static String reason(Kind a, Kind b) {
        if (a == Kind.BASE_DIR || b == Kind.BASE_DIR) {
            return "base_dir is the folder of the model caches: only model caches may live inside it, and it may"
                    + " not be inside another cache.";
        }
        if (a == Kind.LEGACY || b == Kind.LEGACY) {
            return "a legacy cache is what migrate empties into the real caches, so it must not overlap one.";
        }
        return "clearing one cache would delete the other.";
    }
}
