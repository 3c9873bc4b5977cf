package nl.preventiefonds.identity.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * Renews the login of someone already logged in, after they switched municipality: their roles change with it.
 * Only this package creates one, from the session's own principal; nothing a visitor sends becomes one.
 */
public final class RenewalCredential implements Credential {
    private final String email;

    RenewalCredential(String email) {
        this.email = email;
    }

    String email() {
        return email;
    }
}
