package nl.preventiefonds.identity.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * A login that a municipality's identity provider vouched for: only OidcLoginServlet creates one, after it validated
 * the ID token and MunicipalLoginService matched the person to an account. Nothing a visitor sends becomes one.
 */
public final class FederatedCredential implements Credential {
    private final String email;

    FederatedCredential(String email) {
        this.email = email;
    }

    String email() {
        return email;
    }
}
