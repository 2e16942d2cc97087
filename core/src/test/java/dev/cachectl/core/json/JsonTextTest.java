package dev.cachectl.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.text.FileNameCharset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonTextTest {

    @Test
    void controlAndSpoofingCharactersAreEscapedAndReadBackExactly() throws Exception {
        String name = "models--x--y\u001b[2J\u001b]0;t\u0007\n\u007f\u009b\u202e😀é";
        String json = JsonText.write(Map.of("name", name));
        assertThat(json).doesNotContain("\u001b", "\u007f", "\u009b", "\u202e").contains("😀é");
        assertThat(json).contains("\\u007f", "\\u009b", "\\u202e");
        JsonNode read = CoreJson.mapper().readTree(json);
        assertThat(read.get("name").asString()).isEqualTo(name);
    }

    @Test
    void undecodableFileNameBytesAreLoneSurrogateEscapes() {
        String a = new String(new byte[] {'a', (byte) 0xff}, FileNameCharset.INSTANCE);
        String b = new String(new byte[] {'a', (byte) 0xfe}, FileNameCharset.INSTANCE);
        String json = JsonText.write(List.of(a, b));
        assertThat(json).contains("\"a\\udcff\"", "\"a\\udcfe\"").doesNotContain("\ufffd");
    }
}
