package nl.preventiefonds.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.time.Instant;
import java.util.Date;
import nl.preventiefonds.identity.BrokerLoginService.BrokerClaims;
import org.junit.jupiter.api.Test;

/** How a broker's validated ID token becomes the claims the login service decides on. */
class BrokerClaimsTest {
    private static IDTokenClaimsSet token(JWTClaimsSet.Builder claims) throws Exception {
        Instant now = Instant.now();
        return new IDTokenClaimsSet(claims.issuer("https://makelaar.example/realms/eherkenning").audience("pf")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
    }

    @Test
    void eHerkenningClaimsWithThePseudonymAsTheActingPerson() throws Exception {
        BrokerClaims claims = BrokerLoginServlet.claimsOf(token(new JWTClaimsSet.Builder().subject("kc-uuid-1")
                .claim("pseudonym", "eh-ps-7f3a91c2").claim("kvk", "12345678")
                .claim("organisation_name", "Buurtvereniging De Lariks")
                .claim("loa", "urn:etoegang:core:assurance-class:loa3").claim("email", "bea@lariks.example")
                .claim("email_verified", true).claim("given_name", "Bea").claim("family_name", "Bestuurder")));
        assertEquals("eh-ps-7f3a91c2", claims.subject());
        assertEquals("12345678", claims.kvk());
        assertEquals("Buurtvereniging De Lariks", claims.organisationName());
        assertEquals("urn:etoegang:core:assurance-class:loa3", claims.levelClaim());
        assertEquals("Bea Bestuurder", claims.name());
        assertTrue(claims.emailVerified());
        assertEquals("https://makelaar.example/realms/eherkenning", claims.issuer());
    }

    @Test
    void withoutPseudonymTheSubjectWithoutLoaTheAcrAndAnUnverifiedAddressIsNotUsed() throws Exception {
        BrokerClaims claims = BrokerLoginServlet.claimsOf(token(new JWTClaimsSet.Builder().subject("digid-sub")
                .claim("bsn", "999993653").claim("acr", "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard")
                .claim("email", "i@example.org").claim("email_verified", false)));
        assertEquals("digid-sub", claims.subject());
        assertEquals("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", claims.levelClaim());
        assertFalse(claims.emailVerified());
        assertNull(claims.kvk());
        assertNull(claims.name());
        assertFalse(claims.toString().contains("999993653"), "the BSN never in a log line of the claims");
    }
}
