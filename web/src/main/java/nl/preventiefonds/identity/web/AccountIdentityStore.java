package nl.preventiefonds.identity.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import nl.preventiefonds.identity.AccountService;

/** Checks credentials against the application's own user table. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(user -> new CredentialValidationResult(user.getEmail(), Set.of(user.getRole().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** IdentityStore's default validate(Credential) finds this method by the credential's class. */
    public CredentialValidationResult validate(RenewalCredential credential) {
        return accounts.activeForRenewal(credential.email())
                .map(user -> new CredentialValidationResult(user.getEmail(), Set.of(user.getRole().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** A login through a municipality's identity provider, already validated and matched (OidcLoginServlet). */
    public CredentialValidationResult validate(FederatedCredential credential) {
        return accounts.activeForRenewal(credential.email())
                .map(user -> new CredentialValidationResult(user.getEmail(), Set.of(user.getRole().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
