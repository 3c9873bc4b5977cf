package nl.preventiefonds.identity.web;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers' discovery documents and key sets, fetched once per issuer and kept (the key set refreshes itself
 * when a token names a key it does not know, as after a key rotation). The issuer in the document must be the one
 * configured: the library refuses a document that names another.
 */
@ApplicationScoped
public class OidcProviders {
    private static final int TIMEOUT_MS = 10_000;

    record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {
    }

    private final Map<String, Provider> byIssuer = new ConcurrentHashMap<>();

    Provider provider(String issuer) throws IOException {
        Provider known = byIssuer.get(issuer);
        if (known != null) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MS, TIMEOUT_MS);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL())
                    .retrying(true).build();
            Provider provider = new Provider(metadata, keys);
            byIssuer.put(issuer, provider);
            return provider;
        } catch (GeneralException | MalformedURLException e) {
            throw new IOException("no usable discovery document at " + issuer + ": " + e.getMessage(), e);
        }
    }

    /** After the installation administrator changed a connection: fetch anew. */
    void forget(String issuer) {
        byIssuer.remove(issuer);
    }
}
