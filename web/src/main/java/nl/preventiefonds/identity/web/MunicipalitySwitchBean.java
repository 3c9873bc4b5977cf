package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.platform.RoleNames;
import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * The header's choice of municipality for staff who work for more than one: switching renews the login, because the
 * role may differ per municipality, and starts on that role's start page.
 */
@Named("municipalitySwitch")
@RequestScoped
public class MunicipalitySwitchBean {

    @Inject
    private AccountService accounts;

    @Inject
    private SecurityContext securityContext;

    private List<AccountService.Membership> memberships;
    private Long chosen;

    /** The caller's municipalities (current first); asked only of staff, once per request. */
    public List<AccountService.Membership> getMemberships() {
        if (memberships == null) {
            memberships = isStaff() ? accounts.ownMemberships() : List.of();
        }
        return memberships;
    }

    /** Only someone with a second municipality has a choice to make. */
    public boolean isChoice() {
        return getMemberships().size() > 1;
    }

    public void switchMunicipality() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (chosen == null || request.getUserPrincipal() == null) {
            return;
        }
        String email = request.getUserPrincipal().getName();
        Role role = accounts.switchMunicipality(chosen);
        // The container keeps an authenticated identity as it is; only a new login gives it the other role.
        request.logout();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new RenewalCredential(email)));
        if (status == AuthenticationStatus.SUCCESS) {
            request.changeSessionId();
            accounts.activeAccount(email).ifPresent(account -> ActiveAccountFilter.rememberWorkingAs(request, account));
            external.redirect(external.getRequestContextPath() + role.startPage());
        } else {
            // Blocked in the meantime: logged out, as the next request would be anyway.
            LoginBean.forgetFailedLogin(request);
            external.redirect(external.getRequestContextPath() + "/login.xhtml");
        }
    }

    private boolean isStaff() {
        HttpServletRequest request =
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return request.isUserInRole(RoleNames.OFFICER) || request.isUserInRole(RoleNames.DECISION_MAKER)
                || request.isUserInRole(RoleNames.FUND_MANAGER);
    }

    public Long getChosen() {
        return chosen;
    }

    public void setChosen(Long chosen) {
        this.chosen = chosen;
    }
}
