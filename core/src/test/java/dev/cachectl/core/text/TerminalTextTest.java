package dev.cachectl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void plainTextIsKeptAsItIs() {
        String text = "models--Qwen--Qwen2.5 ~/.cache/hugging face/Ünïcödé 模型 😀";
        assertThat(TerminalText.escape(text)).isEqualTo(text);
        assertThat(TerminalText.escape("plain ascii")).isSameAs("plain ascii");
    }

    @Test
    void controlCharactersAreEscapedVisibly() {
        assertThat(TerminalText.escape("a\u001b[2J\u001b]0;title\u0007b")).isEqualTo("a\\e[2J\\e]0;title\\ab");
        assertThat(TerminalText.escape("x\nwarning: OUTSIDE_CACHE forged")).isEqualTo("x\\nwarning: OUTSIDE_CACHE forged");
        assertThat(TerminalText.escape("\t\r\b\f\u000b\u0000\u0001\u007f")).isEqualTo("\\t\\r\\b\\f\\v\\x00\\x01\\x7f");
    }

    @Test
    void c1ControlsAndSpoofingFormatCharactersAreEscaped() {
        assertThat(TerminalText.escape("\u009b2J")).isEqualTo("\\u009b2J");
        assertThat(TerminalText.escape("evil\u202ecod.exe")).isEqualTo("evil\\u202ecod.exe");
        assertThat(TerminalText.escape("a\u2066b\u2069\u200b\ufeff\u2028")).isEqualTo("a\\u2066b\\u2069\\u200b\\ufeff\\u2028");
        assertThat(TerminalText.escape("tag\udb40\udc01")).isEqualTo("tag\\U000e0001");
    }

    @Test
    void backslashIsEscapedSoTheOutputIsUnambiguous() {
        assertThat(TerminalText.escape("a\\nb")).isEqualTo("a\\\\nb");
        assertThat(TerminalText.escape("a\nb")).isNotEqualTo(TerminalText.escape("a\\nb"));
    }

    @Test
    void undecodableFileNameBytesShowAsTheirByte() {
        String name = new String(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3}, FileNameCharset.INSTANCE);
        assertThat(TerminalText.escape(name)).isEqualTo("a\\xffb\\xc3");
    }

    @Test
    void escapedTextHasNoControlCharacter() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            all.appendCodePoint(c);
        }
        byte[] bytes = TerminalText.escape(all).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            assertThat(b < 0x20 && b >= 0 || b == 0x7f).isFalse();
        }
        assertThat(TerminalText.escape(all)).doesNotContain("\u0085", "\u202e", "\u2028");
    }
}
