package dev.cachectl.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanBytesTest {

    @Test
    void formatsLikeDuH() {
        assertThat(HumanBytes.format(0)).isEqualTo("0 B");
        assertThat(HumanBytes.format(1023)).isEqualTo("1023 B");
        assertThat(HumanBytes.format(1536)).isEqualTo("1.5 KiB");
        assertThat(HumanBytes.format(19L * 1024 * 1024 * 1024 + 200L * 1024 * 1024)).isEqualTo("19.2 GiB");
        assertThat(HumanBytes.format(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }
}
