package dev.cachectl.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentScriptTest {

    private static CacheEnvironment environment(String value) {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("A", value);
        return new CacheEnvironment(set, List.of("OLD"), List.of(), List.of());
    }

    @Test
    void posixQuotingClosesAndReopensAroundSingleQuotes() throws Exception {
        assertThat(EnvironmentScript.render(environment("it's $x `y` \\z"), ShellDialect.BASH))
                .isEqualTo("export A='it'\\''s $x `y` \\z'\nunset OLD\n");
    }

    @Test
    void fishEscapesBackslashesAndQuotesOnly() throws Exception {
        assertThat(EnvironmentScript.render(environment("it's \\ $x"), ShellDialect.FISH))
                .isEqualTo("set -gx A 'it\\'s \\\\ $x'\nset -e OLD\n");
    }

    @Test
    void powerShellDoublesStraightAndTypographicQuotes() throws Exception {
        assertThat(EnvironmentScript.render(environment("it's ‘x’ $env:y"), ShellDialect.POWERSHELL))
                .isEqualTo("$env:A = 'it''s ‘‘x’’ $env:y'\nRemove-Item Env:OLD -ErrorAction SilentlyContinue\n");
    }

    @Test
    void cmdQuotesTheWholeAssignmentAndRefusesPercentAndQuote() throws Exception {
        assertThat(EnvironmentScript.render(environment("C:\\a & b ^ c"), ShellDialect.CMD))
                .isEqualTo("set \"A=C:\\a & b ^ c\"\nset \"OLD=\"\n");
        assertThatThrownBy(() -> EnvironmentScript.render(environment("100%"), ShellDialect.CMD))
                .hasMessageContaining("'%'");
        assertThatThrownBy(() -> EnvironmentScript.render(environment("a\"b"), ShellDialect.CMD))
                .hasMessageContaining("ends cmd's quoting");
    }

    @Test
    void dotenvEscapesBackslashAndQuoteAndCannotUnset() throws Exception {
        assertThat(EnvironmentScript.render(environment("a\"b\\c $d"), ShellDialect.DOTENV))
                .isEqualTo("A=\"a\\\"b\\\\c $d\"\n# not expressible in a .env file, remove from the environment: OLD\n");
        assertThatThrownBy(() -> EnvironmentScript.render(environment("${HOME}"), ShellDialect.DOTENV))
                .hasMessageContaining("'${'");
    }

    @Test
    void controlCharactersThatNoLineCarriesAreRefusedEverywhere() {
        for (ShellDialect dialect : ShellDialect.values()) {
            assertThatThrownBy(() -> EnvironmentScript.render(environment("a\rb"), dialect))
                    .as(dialect.id()).isInstanceOf(UnrepresentableValueException.class)
                    .hasMessageContaining("cannot write A='a\\rb' for " + dialect.id());
        }
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        String json = EnvironmentScript.render(environment("x"), ShellDialect.JSON);
        var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        assertThat(tree.path("schema_version").asInt()).isEqualTo(1);
        assertThat(tree.path("set").path("A").asString()).isEqualTo("x");
        assertThat(tree.path("unset").get(0).asString()).isEqualTo("OLD");
    }
}
