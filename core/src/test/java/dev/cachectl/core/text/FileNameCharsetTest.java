package dev.cachectl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNameCharsetTest {

    private static String decode(byte... bytes) {
        return new String(bytes, FileNameCharset.INSTANCE);
    }

    @Test
    void validUtf8DecodesAsUtf8() {
        byte[] bytes = "models--ünï--模型😀".getBytes(StandardCharsets.UTF_8);
        assertThat(decode(bytes)).isEqualTo("models--ünï--模型😀");
        assertThat(decode(bytes).getBytes(FileNameCharset.INSTANCE)).isEqualTo(bytes);
        assertThat(FileNameCharset.hasEscapedBytes(decode(bytes))).isFalse();
    }

    @Test
    void invalidBytesRoundTripAndStayDistinct() {
        byte[][] names = {{'a', (byte) 0xff}, {'a', (byte) 0xfe}, {'a', (byte) 0xc3}, {(byte) 0xed, (byte) 0xb2,
                (byte) 0x80}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {'x', (byte) 0x80, (byte) 0xc3, (byte) 0xa9}};
        java.util.Set<String> decoded = new java.util.HashSet<>();
        for (byte[] name : names) {
            String text = decode(name);
            assertThat(text).doesNotContain("\ufffd");
            assertThat(FileNameCharset.hasEscapedBytes(text)).isTrue();
            assertThat(text.getBytes(FileNameCharset.INSTANCE)).isEqualTo(name);
            decoded.add(text);
        }
        assertThat(decoded).hasSize(names.length);
        assertThat(decode((byte) 'x', (byte) 0x80, (byte) 0xc3, (byte) 0xa9)).isEqualTo("x\udc80é");
    }

    @Test
    void onlyUtf8FileNamesGetTheEscapingCharset() {
        assertThat(FileNameCharset.forFileNames(StandardCharsets.UTF_8)).isSameAs(FileNameCharset.INSTANCE);
        assertThat(FileNameCharset.forFileNames(StandardCharsets.US_ASCII)).isEqualTo(StandardCharsets.US_ASCII);
    }

    @Test
    void otherLoneSurrogatesCannotBeEncoded() {
        assertThat("a\ud800".getBytes(FileNameCharset.INSTANCE)).isEqualTo(new byte[] {'a', '?'});
    }
}
