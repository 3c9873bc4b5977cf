package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongPassphraseIsAccepted() {
        assertTrue(PasswordPolicy.violations("een lange zin als wachtwoord", "a@b.nl").isEmpty());
    }

    @Test
    void nineCharactersAreTooShortTenAreEnough() {
        assertEquals(List.of("password.tooShort"), PasswordPolicy.violations("abcdefghi", null));
        assertTrue(PasswordPolicy.violations("kbcdefghij", null).isEmpty());
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertEquals(List.of("password.tooShort"), PasswordPolicy.violations("ëéèêàöüï€", null));
        assertTrue(PasswordPolicy.violations("ëéèêàöüïç€", null).isEmpty());
    }

    @Test
    void repeatingOneCharacterIsTooSimple() {
        assertEquals(List.of("password.tooSimple"), PasswordPolicy.violations("aaaaaaaaaaaa", null));
    }

    @Test
    void theEmailAddressIsNotAPassword() {
        assertEquals(List.of("password.sameAsEmail"),
                PasswordPolicy.violations("Anna@Example.org", "anna@example.org"));
    }

    @Test
    void overlongAndMissingPasswordsAreRefused() {
        assertEquals(List.of("password.tooLong"), PasswordPolicy.violations("ab".repeat(65) + "cd", null));
        assertEquals(List.of("password.tooShort"), PasswordPolicy.violations(null, null));
    }

    @Test
    void commonAndBreachedPasswordsAreRefusedWhateverTheirCase() {
        // All on the shipped list (the most common passwords of ten characters or more).
        for (String common : List.of("1234567890", "qwertyuiop", "Password123", "iloveyou12", "ABCDEFGHIJ")) {
            assertEquals(List.of("password.common"), PasswordPolicy.violations(common, null), common);
        }
        assertTrue(PasswordPolicy.isCommon("PASSWORD1234"));
    }

    @Test
    void theListHoldsTensOfThousandsOfPasswordsAndNotEveryLongOne() {
        assertTrue(PasswordPolicy.violations("Preventie-2026", null).isEmpty(), "the demo password is not common");
        assertTrue(PasswordPolicy.violations("een lange zin als wachtwoord", null).isEmpty());
        assertTrue(PasswordPolicy.isCommon("1qaz2wsx3edc"));
        assertTrue(PasswordPolicy.isCommon("michaeljordan"));
    }
}
