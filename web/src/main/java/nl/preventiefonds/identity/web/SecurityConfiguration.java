package nl.preventiefonds.identity.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import nl.preventiefonds.platform.RoleNames;

/** Form login on our own JSF page (so messages are localised), against AccountIdentityStore. */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({RoleNames.ORGANISER, RoleNames.PARTNER, RoleNames.OFFICER, RoleNames.DECISION_MAKER,
        RoleNames.FUND_MANAGER, RoleNames.INSTALLATION_ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
