package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpCodesTest {
    /** RFC 6238 appendix B's SHA-1 secret, the ASCII bytes of "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesAreThoseOfRfc6238() {
        // The RFC lists eight digits; an authenticator app shows the last six.
        assertEquals("287082", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
    }

    @Test
    void theCodeOfThisStepAndItsNeighboursIsAcceptedNothingFurther() {
        Instant now = Instant.parse("2026-03-02T09:00:10Z");
        long step = TotpCodes.step(now);
        String secret = TotpCodes.newSecret();
        assertEquals(OptionalLong.of(step), TotpCodes.matchingStep(secret, TotpCodes.code(secret, step), now));
        assertEquals(OptionalLong.of(step - 1), TotpCodes.matchingStep(secret, TotpCodes.code(secret, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), TotpCodes.matchingStep(secret, TotpCodes.code(secret, step + 1), now));
        String old = TotpCodes.code(secret, step - 2);
        if (!old.equals(TotpCodes.code(secret, step)) && !old.equals(TotpCodes.code(secret, step - 1))
                && !old.equals(TotpCodes.code(secret, step + 1))) {
            assertTrue(TotpCodes.matchingStep(secret, old, now).isEmpty(), "a minute-old code is refused");
        }
        assertTrue(TotpCodes.matchingStep(secret, "12345", now).isEmpty(), "five digits");
        assertTrue(TotpCodes.matchingStep(secret, "abcdef", now).isEmpty(), "not digits");
        assertTrue(TotpCodes.matchingStep(secret, null, now).isEmpty());
        assertEquals(OptionalLong.of(step), TotpCodes.matchingStep(secret,
                " " + TotpCodes.code(secret, step).substring(0, 3) + " " + TotpCodes.code(secret, step).substring(3),
                now), "spaces as apps show them are ignored");
    }

    @Test
    void secretsAreNewEachTimeAndReadableByApps() {
        String one = TotpCodes.newSecret();
        assertTrue(one.matches("[A-Z2-7]{32}"), one);
        assertNotEquals(one, TotpCodes.newSecret());
        assertEquals("otpauth://totp/Preventiefonds:anna%40example.org?secret=" + one
                        + "&issuer=Preventiefonds&algorithm=SHA1&digits=6&period=30",
                TotpCodes.otpauthUri("Preventiefonds", "anna@example.org", one));
    }

    @Test
    void theQrCodeIsAnSvgOfDarkModules() {
        String svg = TotpCodes.qrSvg(TotpCodes.otpauthUri("Preventiefonds", "anna@example.org",
                TotpCodes.newSecret()));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("h1v1h-1z"), "has modules");
    }

    @Test
    void recoveryCodesAreTenDistinctAndTypedLooselyMatch() {
        List<String> codes = TotpCodes.newRecoveryCodes();
        assertEquals(10, new HashSet<>(codes).size());
        codes.forEach(code -> assertTrue(code.matches("[a-z2-9]{5}-[a-z2-9]{5}"), code));
        String code = codes.get(0);
        assertEquals(code, TotpCodes.normaliseRecoveryCode(code.toUpperCase().replace("-", " ")));
    }
}
