package nl.preventiefonds.identity.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import nl.preventiefonds.identity.Role;

/** Form login on our own JSF page (so messages are localised), against AccountIdentityStore. */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({Role.Names.ORGANISER, Role.Names.PARTNER, Role.Names.OFFICER, Role.Names.DECISION_MAKER,
        Role.Names.FUND_MANAGER})
@ApplicationScoped
public class SecurityConfiguration {
}
