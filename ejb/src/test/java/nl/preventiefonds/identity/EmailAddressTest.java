package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna@assen.nl", "a.de.vries+fonds@buurt-pittelo.nl", " spaties@rondom.nl "})
    void acceptsOrdinaryAddresses(String email) {
        assertTrue(EmailAddress.isValid(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "geen-adres", "twee@@apenstaarten.nl", "spatie in@adres.nl", "zonder@punt", "a@b.c"})
    void refusesWhatCannotBeAnAddress(String email) {
        assertFalse(EmailAddress.isValid(email));
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndOverlongAddresses() {
        assertFalse(EmailAddress.isValid(null));
        assertFalse(EmailAddress.isValid("a".repeat(64) + "@" + "b".repeat(190) + ".nl"));
    }
}
