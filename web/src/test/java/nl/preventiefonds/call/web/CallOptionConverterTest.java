package nl.preventiefonds.call.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import nl.preventiefonds.call.CallOption;
import org.junit.jupiter.api.Test;

class CallOptionConverterTest {
    private final CallOptionConverter converter = new CallOptionConverter();

    @Test
    void malformedIdsAreNoChoiceWithoutAskingTheDatabase() {
        // No directory is injected here: any lookup would fail the test with a NullPointerException.
        for (String sent : new String[] {null, "", " ", "1x", "-1", "1 OR 1=1", "12345678901234567890", "１２",
            "9999999999999999999"}) {
            assertNull(converter.getAsObject(null, null, sent), "sent: " + sent);
        }
    }

    @Test
    void sendsTheId() {
        assertEquals("42", converter.getAsString(null, null, new CallOption(42, "Ronde 2026")));
        assertEquals("", converter.getAsString(null, null, null));
    }
}
