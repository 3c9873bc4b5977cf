package nl.preventiefonds.identity.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.util.Optional;

/**
 * Whether an ID token may log someone in, by the library's rules (OpenID Connect Core 3.1.3.7): signed with RS256
 * by a key of the provider's key set (so neither a changed byte nor "alg none" passes), issued by this issuer, for
 * this client (audience, and the authorised party when there are several), not expired (a minute's clock skew), and
 * carrying the nonce of this login (no token from another login replayed into this one).
 */
final class IdTokenCheck {
    private final IDTokenValidator validator;
    private final String clientId;

    IdTokenCheck(String issuer, String clientId, JWKSource<SecurityContext> keys) {
        validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId),
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), null);
        validator.setMaxClockSkew(60);
        this.clientId = clientId;
    }

    /** The token's claims if it passes; empty otherwise (why is for the log, never for the visitor). */
    Optional<IDTokenClaimsSet> validate(JWT idToken, Nonce expectedNonce) {
        try {
            IDTokenClaimsSet claims = validator.validate(idToken, expectedNonce);
            // Core 3.1.3.7 item 4, which the library leaves to the client: a token for several audiences must name
            // this client as its authorised party, or it may have been meant for another of them.
            if (claims.getAudience().size() > 1 && (claims.getAuthorizedParty() == null
                    || !clientId.equals(claims.getAuthorizedParty().getValue()))) {
                java.util.logging.Logger.getLogger(IdTokenCheck.class.getName()).warning(
                        "ID token refused: several audiences and no authorised party naming this client");
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (BadJOSEException | JOSEException refused) {
            java.util.logging.Logger.getLogger(IdTokenCheck.class.getName()).warning(
                    () -> "ID token refused: " + refused.getMessage());
            return Optional.empty();
        }
    }
}
