package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import nl.preventiefonds.platform.ValidationFailedException;
import org.junit.jupiter.api.Test;

/** How a broker's claims map: levels of assurance, BSN check, connection settings. */
class BrokerClaimMappingTest {

    @Test
    void eHerkenningLevelsFromTheirUrn() {
        assertEquals(Optional.of(LevelOfAssurance.EH2), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING,
                "urn:etoegang:core:assurance-class:loa2"));
        assertEquals(Optional.of(LevelOfAssurance.EH2_PLUS), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING,
                "urn:etoegang:core:assurance-class:loa2plus"));
        assertEquals(Optional.of(LevelOfAssurance.EH3), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING,
                "URN:etoegang:core:assurance-class:LoA3 "));
        assertEquals(Optional.of(LevelOfAssurance.EH4), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING, "EH4"));
        assertEquals(Optional.empty(), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING, "loa9"));
        assertEquals(Optional.empty(), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING, null));
        assertEquals(Optional.empty(), LevelOfAssurance.fromClaim(BrokerKind.EHERKENNING,
                "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"), "a DigiD class is no eHerkenning level");
    }

    @Test
    void digidLevelsFromTheirSamlClass() {
        assertEquals(Optional.of(LevelOfAssurance.DIGID_MIDDEN), LevelOfAssurance.fromClaim(BrokerKind.DIGID,
                "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"));
        assertEquals(Optional.of(LevelOfAssurance.DIGID_SUBSTANTIEEL), LevelOfAssurance.fromClaim(BrokerKind.DIGID,
                "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"));
        assertEquals(Optional.of(LevelOfAssurance.DIGID_BASIS), LevelOfAssurance.fromClaim(BrokerKind.DIGID,
                "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"));
        assertEquals(Optional.of(LevelOfAssurance.DIGID_HOOG), LevelOfAssurance.fromClaim(BrokerKind.DIGID,
                "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"));
        assertEquals(Optional.empty(), LevelOfAssurance.fromClaim(BrokerKind.DIGID, "loa3"));
    }

    @Test
    void aLevelSatisfiesOnlyItsOwnKindAndNothingHigher() {
        assertTrue(LevelOfAssurance.EH3.satisfies(LevelOfAssurance.EH3));
        assertTrue(LevelOfAssurance.EH4.satisfies(LevelOfAssurance.EH3));
        assertFalse(LevelOfAssurance.EH2.satisfies(LevelOfAssurance.EH3));
        assertFalse(LevelOfAssurance.EH2_PLUS.satisfies(LevelOfAssurance.EH3));
        assertTrue(LevelOfAssurance.EH2_PLUS.satisfies(LevelOfAssurance.EH2));
        assertFalse(LevelOfAssurance.EH2.satisfies(LevelOfAssurance.EH2_PLUS));
        assertFalse(LevelOfAssurance.DIGID_HOOG.satisfies(LevelOfAssurance.EH3), "DigiD never acts for an organisation");
    }

    @Test
    void bsnElevenTest() {
        assertTrue(Bsn.isValid("999993653"));
        assertTrue(Bsn.isValid("111222333"));
        assertFalse(Bsn.isValid("999993654"));
        assertFalse(Bsn.isValid("12345678"));
        assertFalse(Bsn.isValid("99999365a"));
        assertFalse(Bsn.isValid("000000000"));
        assertFalse(Bsn.isValid(null));
    }

    @Test
    void connectionSettingsDefaultToEh3AndRefuseALevelOfTheOtherKind() {
        BrokerLoginSettings clean = BrokerLoginService.validated(BrokerKind.EHERKENNING, new BrokerLoginSettings(
                " https://broker.example/realms/eh ", "pf", null, true), true);
        assertEquals(LevelOfAssurance.EH3, clean.requiredSubmitLevel());
        assertEquals("https://broker.example/realms/eh", clean.issuer());
        ValidationFailedException refused = assertThrows(ValidationFailedException.class,
                () -> BrokerLoginService.validated(BrokerKind.EHERKENNING, new BrokerLoginSettings(
                        "http://broker.example/eh", "", LevelOfAssurance.DIGID_MIDDEN, true), false));
        assertTrue(refused.getMessageKeys().containsAll(java.util.List.of("oidc.issuerInvalid",
                "oidc.clientIdRequired", "oidc.secretRequired", "broker.levelOfOtherKind")), refused.getMessageKeys()
                .toString());
    }

    @Test
    void claimsNeverPrintTheBsn() {
        BrokerLoginService.BrokerClaims claims = new BrokerLoginService.BrokerClaims("https://digid.example", "sub-1",
                null, false, "Ibrahim", "midden", null, null, "999993653");
        assertFalse(claims.toString().contains("999993653"));
    }
}
