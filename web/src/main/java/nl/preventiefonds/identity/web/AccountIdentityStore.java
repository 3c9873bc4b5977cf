package nl.preventiefonds.identity.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import nl.preventiefonds.identity.AccountService;

/**
 * The application's own user table as the container's identity store. It accepts only a {@link RenewalCredential}
 * and a {@link FederatedCredential}: the login page checks the password and the second factor itself
 * (AccountService, SecondFactor) and then logs the account in with the first, and a login through a municipality's
 * identity provider (whose own login stands for both factors) comes with the second, so no path logs in with a
 * password alone where a second factor is due.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    /**
     * Dispatched here, not by IdentityStore's default method: that one links validate(RenewalCredential) from the
     * Jakarta Security module's class loader, and after a redeployment (a new class loader with its own
     * RenewalCredential) the JVM refuses the link (a loader constraint violation), failing every login.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof RenewalCredential renewal) {
            return validate(renewal);
        }
        return credential instanceof FederatedCredential federated ? validate(federated)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

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
