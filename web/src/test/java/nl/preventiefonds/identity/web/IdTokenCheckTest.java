package nl.preventiefonds.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks a login through a municipality's provider relies on, with real RS256 signatures: only a token
 * signed by the provider's key, from its issuer, for this client, in date and with this login's nonce logs in. The
 * browser test (OidcLoginBrowserIT) shows the same refusals end on a clear page.
 */
class IdTokenCheckTest {
    private static final String ISSUER = "https://login.assen.example/realms/medewerkers";
    private static final String CLIENT = "preventiefonds";
    private static final Nonce NONCE = new Nonce("nonce-van-deze-login");
    private static RSAKey providerKey;
    private static RSAKey otherKey;
    private static IdTokenCheck check;

    @BeforeAll
    static void keys() throws JOSEException {
        providerKey = new RSAKeyGenerator(2048).keyID("assen-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("assen-1").generate();
        check = new IdTokenCheck(ISSUER, CLIENT, new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())));
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("f1c2-officer").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", NONCE.getValue()).claim("email", "adviseur@demo.preventiefonds.nl")
                .claim("groups", List.of("subsidieadviseurs"));
    }

    private static SignedJWT signed(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    @Test
    void aTokenOfTheProviderForThisClientAndLoginPasses() throws JOSEException {
        var passed = check.validate(signed(claims().build(), providerKey), NONCE);
        assertTrue(passed.isPresent());
        assertEquals("adviseur@demo.preventiefonds.nl", passed.get().getStringClaim("email"));
    }

    @Test
    void aTokenForAnotherClientIsRefused() throws JOSEException {
        assertTrue(check.validate(signed(claims().audience("andere-toepassing").build(), providerKey), NONCE)
                .isEmpty(), "wrong audience");
        assertTrue(check.validate(signed(claims().audience(List.of(CLIENT, "andere-toepassing")).build(),
                providerKey), NONCE).isEmpty(), "several audiences and no authorised party naming this client");
        assertTrue(check.validate(signed(claims().audience(List.of(CLIENT, "andere-toepassing")).claim("azp", CLIENT)
                .build(), providerKey), NONCE).isPresent(), "several audiences, this client the authorised party");
    }

    @Test
    void aTamperedTokenIsRefused() throws JOSEException, ParseException {
        SignedJWT genuine = signed(claims().build(), providerKey);
        Base64URL[] parts = SignedJWT.split(genuine.serialize());
        // Another e-mail address in the payload, the provider's signature kept.
        Base64URL forgedPayload = Base64URL.encode(claims().claim("email", "beslisser@demo.preventiefonds.nl")
                .build().toString());
        SignedJWT tampered = new SignedJWT(parts[0], forgedPayload, parts[2]);
        assertTrue(check.validate(tampered, NONCE).isEmpty(), "changed payload");
        assertTrue(check.validate(signed(claims().build(), otherKey), NONCE).isEmpty(),
                "signed by a key that is not the provider's, under the provider's key id");
        assertTrue(check.validate(new PlainJWT(claims().build()), NONCE).isEmpty(), "alg none");
    }

    @Test
    void anExpiredTokenIsRefused() throws JOSEException {
        Instant past = Instant.now().minus(Duration.ofMinutes(30));
        assertTrue(check.validate(signed(claims().issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build(), providerKey), NONCE).isEmpty());
    }

    @Test
    void aTokenOfAnotherIssuerOrLoginIsRefused() throws JOSEException {
        assertTrue(check.validate(signed(claims().issuer("https://login.elders.example/realms/x").build(),
                providerKey), NONCE).isEmpty(), "another issuer");
        assertTrue(check.validate(signed(claims().build(), providerKey), new Nonce("een-andere-login")).isEmpty(),
                "a token from another login (replayed) carries another nonce");
        assertTrue(check.validate(signed(claims().claim("nonce", null).build(), providerKey), NONCE).isEmpty(),
                "no nonce");
    }
}
