package nl.preventiefonds.identity.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * Logs in an account whose credentials this package checked already: at the end of the login page's steps
 * (password, and the second factor's code where the account has one), and to renew the login of someone who switched
 * municipality (their roles change with it). Only this package creates one, from an address that passed those
 * checks or from the session's own principal; nothing a visitor sends becomes one.
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
