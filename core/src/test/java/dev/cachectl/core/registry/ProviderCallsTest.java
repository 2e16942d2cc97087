package dev.cachectl.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachectl.api.CacheDetails;
import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.CacheLayout;
import dev.cachectl.api.OutsideLocation;
import dev.cachectl.api.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The failure boundary of SPI calls and the contract checks on what providers return. */
class ProviderCallsTest {

    private static final ProviderDeadline SHORT = new ProviderDeadline(Duration.ofMillis(200));

    @Test
    void aThrowIsContainedWithItsFirstLineOnly() {
        assertThatThrownBy(() -> ProviderCalls.run(() -> {
            throw new IllegalStateException("no\nsecond line");
        }, null)).isInstanceOf(ProviderCalls.Failure.class).hasMessage("IllegalStateException: no");
    }

    @Test
    void aRecursionIsContainedOnBothThreads() {
        for (ProviderDeadline deadline : java.util.Arrays.asList(null, SHORT)) {
            assertThatThrownBy(() -> ProviderCalls.run(ProviderCallsTest::recurse, deadline))
                    .isInstanceOf(ProviderCalls.Failure.class).hasMessage("StackOverflowError");
        }
    }

    private static Integer recurse() {
        return recurse() + 1;
    }

    @Test
    void anOutOfMemoryErrorIsRethrown() {
        assertThatThrownBy(() -> ProviderCalls.run(() -> {
            throw new OutOfMemoryError("heap");
        }, SHORT)).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aCallThatDoesNotReturnIsGivenUpAfterTheDeadline() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ProviderCalls.run(() -> {
            never.await();
            return 1;
        }, SHORT)).isInstanceOf(ProviderCalls.Failure.class)
                .satisfies(e -> assertThat(((ProviderCalls.Failure) e).timedOut()).isTrue())
                .hasMessageStartingWith("did not return within 200ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void detailsWithoutAJsonFormAreRefusedAndPlainOnesCopied() {
        record Bean(int x) { }
        assertThatThrownBy(() -> ProviderAnswers.details(new CacheDetails(Map.of("a", List.of(new Bean(1))))))
                .hasMessageContaining("details value a[0] is a").hasMessageContaining("has no JSON form");
        assertThatThrownBy(() -> ProviderAnswers.details(new CacheDetails(Map.of("n", Double.NaN))))
                .hasMessageContaining("JSON cannot carry");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> ProviderAnswers.details(new CacheDetails(Map.of("c", cycle))))
                .hasMessageContaining("nest deeper than 32 levels");
        assertThatThrownBy(() -> ProviderAnswers.details(new CacheDetails(Map.of("m", Map.of(1, "x")))))
                .hasMessageContaining("key that is not a String");

        List<Object> mutable = new ArrayList<>(List.of("x", 1, true, Map.of("k", 2.5)));
        CacheDetails copy = ProviderAnswers.details(new CacheDetails(Map.of("l", mutable)));
        mutable.clear();
        assertThat(copy.properties()).isEqualTo(Map.of("l", List.of("x", 1, true, Map.of("k", 2.5))));
    }

    @Test
    void aPluginsFindingCodesAreInItsNamespace() {
        List<CacheFinding> foreign = List.of(new CacheFinding("HF_CORRUPTED_REPO", Severity.WARNING, "m", ""));
        List<CacheFinding> own = List.of(new CacheFinding("WHISPER_CPP_PARTIAL", Severity.INFO, "m", "f"));

        assertThat(ProviderAnswers.findings(foreign, "huggingface", true)).isEqualTo(foreign);
        assertThat(ProviderAnswers.findings(own, "whisper-cpp", false)).isEqualTo(own);
        assertThatThrownBy(() -> ProviderAnswers.findings(foreign, "whisper-cpp", false))
                .hasMessageContaining("outside the provider's namespace: a plugin's codes start with WHISPER_CPP_");
        assertThatThrownBy(() -> ProviderAnswers.findings(List.of(new CacheFinding("lower", Severity.INFO, "m", "")),
                "x", true)).hasMessageContaining("not 1-64 upper-case");
        // a file name may hold a line break: the finding passes, and text output escapes it
        List<CacheFinding> named = List.of(new CacheFinding("X_A", Severity.INFO, "folder a\nb", ""));
        assertThat(ProviderAnswers.findings(named, "x", false)).isEqualTo(named);
    }

    @Test
    void returnedPathsAreRelativeAndInside() {
        assertThat(ProviderAnswers.relativeInside("models--a/blobs", "lockedEntry()")).isEqualTo("models--a/blobs");
        assertThat(ProviderAnswers.relativeInside("", "lockedEntry()")).isEmpty();
        for (String bad : List.of("/etc", "../x", "a/../../b", "C:/x", "a\\b", "a/..")) {
            assertThatThrownBy(() -> ProviderAnswers.relativeInside(bad, "lockedEntry()")).as(bad)
                    .hasMessageContaining("not a relative path inside the cache");
        }
        assertThat(ProviderAnswers.outsideLocations(List.of(new OutsideLocation(Path.of("/x"), "hub", "o"))))
                .hasSize(1);
    }

    @Test
    void aLayoutsTargetsStayInsideTheCacheAndItsPatternsAreGlobs() {
        CacheLayout fine = CacheLayout.hubRepos("hub", List.of("models--?*"), List.of(".locks"))
                .placeWhenHoldingRepos("hub/", "hub").place("checkpoints/", "hub/checkpoints").place("*.pth", "");
        assertThat(ProviderAnswers.layout(fine)).isEqualTo(fine);
        assertThat(ProviderAnswers.layout(CacheLayout.NONE)).isEqualTo(CacheLayout.NONE);
        for (CacheLayout bad : List.of(CacheLayout.NONE.place("old/", "a\\b"), CacheLayout.NONE.place("old/", "C:/x"),
                CacheLayout.hubRepos("x\\y", List.of("r--*"), List.of()))) {
            assertThatThrownBy(() -> ProviderAnswers.layout(bad)).as(bad.toString())
                    .hasMessageContaining("layout() returned")
                    .hasMessageContaining("not a relative path inside the cache");
        }
        assertThatThrownBy(() -> ProviderAnswers.layout(CacheLayout.NONE.place("[old/", "")))
                .hasMessageContaining("layout() pattern '[old/' is not a glob");
        // The api's own checks come first: a provider cannot even build these.
        assertThatThrownBy(() -> CacheLayout.NONE.place("old/", "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheLayout.NONE.place("a/b", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadlinesParseAndPrint() {
        assertThat(ProviderDeadline.parse("500ms")).contains(new ProviderDeadline(Duration.ofMillis(500)));
        assertThat(ProviderDeadline.parse("2")).contains(new ProviderDeadline(Duration.ofSeconds(2)));
        assertThat(ProviderDeadline.parse("1m")).contains(new ProviderDeadline(Duration.ofMinutes(1)));
        assertThat(ProviderDeadline.parse("0")).isEmpty();
        assertThat(ProviderDeadline.parse("soon")).isEmpty();
        assertThat(ProviderDeadline.DEFAULT.display()).isEqualTo("5s");
        assertThat(new ProviderDeadline(Duration.ofMillis(1500)).display()).isEqualTo("1500ms");
    }
}
