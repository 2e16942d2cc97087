package dev.cachectl.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Debug lines are on only inside a session, and the session leaves nothing behind. */
class DebugLogTest {

    @Test
    void aSessionTurnsDebugOnAndClosingItTurnsItOffAgain() {
        assertThat(DebugLog.enabled()).isFalse();
        try (DebugLog.Session session = DebugLog.enable(true)) {
            assertThat(DebugLog.enabled()).isTrue();
            assertThat(System.getProperty(DebugLog.LEVEL_PROPERTY)).isEqualTo("debug");
            try (DebugLog.Session nested = DebugLog.enable(true)) {
                assertThat(DebugLog.enabled()).isTrue();
            }
            assertThat(DebugLog.enabled()).as("a nested session leaves the outer one on").isTrue();
        }
        assertThat(DebugLog.enabled()).isFalse();
        assertThat(System.getProperty(DebugLog.LEVEL_PROPERTY)).isNull();
    }

    @Test
    void offMeansOff() {
        try (DebugLog.Session session = DebugLog.enable(false)) {
            assertThat(DebugLog.enabled()).isFalse();
            DebugLog.debug(DebugLogTest.class, "never {}", "shown");
        }
    }
}
