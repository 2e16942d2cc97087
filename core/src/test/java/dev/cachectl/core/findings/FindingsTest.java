package dev.cachectl.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.api.CacheFinding;
import dev.cachectl.api.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static Finding corrupted(String provider, int i) {
        return Finding.fromProvider("caches", provider, Path.of("/p/.cache/hf"), new CacheFinding("HF_CORRUPTED_REPO",
                Severity.WARNING, "entry " + i, "delete it", "hub/models--o--" + i));
    }

    @Test
    void moreThanThreeOfOneCodeOnOneCacheAreOneLineInThePlaceOfTheFirst() {
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.of("caches", "LEGACY_CACHE_NOT_EMPTY", Severity.WARNING, "legacy", "cachectl migrate"));
        for (int i = 0; i < 686; i++) {
            findings.add(corrupted("huggingface", i));
        }
        findings.add(corrupted("other", 0));
        findings.add(Finding.of("caches", "ENV_MISMATCH", Severity.WARNING, "drift", ""));

        List<FindingSummary> lines = FindingSummary.of(findings, false);

        assertThat(lines).extracting(l -> l.first().code(), FindingSummary::count).containsExactly(
                org.assertj.core.api.Assertions.tuple("LEGACY_CACHE_NOT_EMPTY", 1),
                org.assertj.core.api.Assertions.tuple("HF_CORRUPTED_REPO", 686),
                org.assertj.core.api.Assertions.tuple("HF_CORRUPTED_REPO", 1),
                org.assertj.core.api.Assertions.tuple("ENV_MISMATCH", 1));
        assertThat(lines.get(1).first().message()).isEqualTo("entry 0");
        assertThat(FindingSummary.anySummarised(lines)).isTrue();
        assertThat(FindingSummary.of(findings, true)).hasSize(findings.size()).noneMatch(FindingSummary::summarised);
    }

    @Test
    void threeOfAKindAreListedOneByOne() {
        List<Finding> findings = List.of(corrupted("huggingface", 1), corrupted("huggingface", 2),
                corrupted("huggingface", 3));

        assertThat(FindingSummary.of(findings, false)).hasSize(3).noneMatch(FindingSummary::summarised);
    }

    @Test
    void aProviderFindingKeepsItsSeverityFixAndPath() {
        Finding finding = Finding.fromProvider("caches", "huggingface", Path.of("/p/.cache/hf"), new CacheFinding(
                "HF_INCOMPLETE_DOWNLOADS", Severity.INFO, "1 interrupted", "resume it"));
        Finding located = corrupted("huggingface", 7);

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.fix()).isEqualTo("resume it");
        assertThat(finding.path()).isEmpty();
        assertThat(finding.byProvider()).isTrue();
        assertThat(finding.provider()).contains("huggingface");
        assertThat(located.path()).isEqualTo(Optional.of(Path.of("/p/.cache/hf/hub/models--o--7")));
    }

    @Test
    void aProviderPathLeavingItsCacheIsLeftOut() {
        for (String path : new String[] {"../../etc/passwd", "/etc/passwd", "hub/../../y"}) {
            Finding finding = Finding.fromProvider("caches", "x", Path.of("/p/.cache/x"), new CacheFinding("X_A",
                    Severity.ERROR, "m", "f", path));
            assertThat(finding.path()).as(path).isEmpty();
        }
    }
}
