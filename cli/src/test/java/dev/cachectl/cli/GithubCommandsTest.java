package dev.cachectl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubCommandsTest {

    @Test
    void dataEscapesPercentAndLineBreaks() {
        assertThat(GithubCommands.data("100% a\r\nb: c, d")).isEqualTo("100%25 a%0D%0Ab: c, d");
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertThat(GithubCommands.property("C:\\a,b%")).isEqualTo("C%3A\\a%2Cb%25");
    }
}
