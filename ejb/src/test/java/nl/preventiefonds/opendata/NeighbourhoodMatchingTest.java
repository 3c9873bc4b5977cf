package nl.preventiefonds.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeighbourhoodMatchingTest {
    /** By name, as the register lists them. */
    private static final List<OpenGrant.Place> PLACES = List.of(new OpenGrant.Place("BU01", "Assen-Oost"),
            new OpenGrant.Place("BU02", "Lariks"), new OpenGrant.Place("BU03", "Noorderpark"),
            new OpenGrant.Place("BU06", "Oost"), new OpenGrant.Place("BU04", "Pittelo"),
            new OpenGrant.Place("BU05", "Zuidoost-Noë"));

    private static List<String> codes(String text, int max) {
        return new OpenRegister.Choices(List.of(), PLACES).matching(text, max).stream().map(OpenGrant.Place::code).toList();
    }

    @Test
    void matchesAnyPartOfTheNameIgnoringCaseAndAccents() {
        assertEquals(List.of("BU01", "BU06", "BU05"), codes("oos", 50));
        assertEquals(List.of("BU05"), codes("noe", 50), "noe finds Noë");
        assertEquals(List.of("BU03"), codes("noo", 50));
        assertEquals(List.of("BU05"), codes("noë", 50));
        assertEquals(List.of("BU04"), codes("  pitt ", 50));
    }

    @Test
    void aWholeNameMeansThatNeighbourhoodOnly() {
        assertEquals(List.of("BU06"), codes("OOST", 50), "not Assen-Oost and Zuidoost-Noë as well");
        assertEquals(List.of("BU05"), codes("zuidoost-noe", 50));
    }

    @Test
    void aCodeFindsItsNeighbourhood() {
        assertEquals(List.of("BU04"), codes("bu04", 50));
        assertEquals(List.of(), codes("BU0", 50), "part of a code is not a name");
    }

    @Test
    void anEmptyTextListsAllInOrderUpToTheLimit() {
        assertEquals(List.of("BU01", "BU02", "BU03"), codes("", 3));
        assertEquals(6, codes(null, 50).size());
        assertEquals(List.of(), codes("", 0));
        assertEquals(List.of(), codes("Emmen", 50));
    }
}
