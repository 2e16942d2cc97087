package dev.cachectl.providers.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreePathsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "hub/m/snapshots/c/config.json, ../../blobs/e, hub/m/blobs/e",
            "hub/m/snapshots/c/onnx/enc.onnx, ../../../blobs/e, hub/m/blobs/e",
            "hub/m/blobs/e, ../../blobs/ab/abcd, hub/blobs/ab/abcd",
            "a/link, ./b/../c, a/c",
            "a/link, ../../outside, NONE",
            "a/link, /abs/path, NONE",
            "a/link, C:\\\\cache\\\\x, NONE",
            "a/link, ..\\\\b, b",
            "link, .., NONE"})
    void resolvesLinkTargetsLexically(String link, String target, String expected) {
        assertThat(TreePaths.linkTarget(link, target)).isEqualTo(java.util.Optional.ofNullable(expected));
    }
}
