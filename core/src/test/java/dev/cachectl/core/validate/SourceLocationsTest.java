package dev.cachectl.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachectl.core.validate.SourceLocations.Position;
import org.junit.jupiter.api.Test;

class SourceLocationsTest {

    private static final String TEXT = """
            {
              "cache": {
                "a/b~c": "x",
                "list": [ "p", {"k": 1} ]
              }
            }""";

    @Test
    void keysAndValuesHaveOneBasedLinesAndColumns() {
        SourceLocations locations = SourceLocations.of(TEXT);

        assertThat(locations.value("")).isEqualTo(new Position(1, 1));
        assertThat(locations.key("/cache")).isEqualTo(new Position(2, 3));
        assertThat(locations.value("/cache")).isEqualTo(new Position(2, 12));
    }

    @Test
    void pointersAreEscapedAsInRfc6901() {
        SourceLocations locations = SourceLocations.of(TEXT);

        assertThat(locations.key("/cache/a~1b~0c")).isEqualTo(new Position(3, 5));
        assertThat(locations.value("/cache/a~1b~0c")).isEqualTo(new Position(3, 14));
    }

    @Test
    void arrayItemsAndTheirMembersAreLocated() {
        SourceLocations locations = SourceLocations.of(TEXT);

        assertThat(locations.value("/cache/list/0")).isEqualTo(new Position(4, 15));
        assertThat(locations.value("/cache/list/1")).isEqualTo(new Position(4, 20));
        assertThat(locations.key("/cache/list/1/k")).isEqualTo(new Position(4, 21));
    }

    @Test
    void anUnknownPointerFallsBackToItsNearestParent() {
        SourceLocations locations = SourceLocations.of(TEXT);

        assertThat(locations.value("/cache/missing/deeper")).isEqualTo(new Position(2, 12));
        assertThat(locations.key("/cache/missing")).isEqualTo(new Position(2, 12));
    }

    @Test
    void noTextMeansNoPosition() {
        assertThat(SourceLocations.of("").value("/cache")).isEqualTo(Position.UNKNOWN);
    }
}
