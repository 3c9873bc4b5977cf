package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import nl.preventiefonds.fund.web.FundHeader;
import nl.preventiefonds.identity.AccountService;
import nl.preventiefonds.identity.Role;
import nl.preventiefonds.identity.UserAccount;
import nl.preventiefonds.platform.Settings;

/** What the header and menu show: who is logged in, in which role, and the fund's name. */
@Named("nav")
@RequestScoped
public class NavigationBean {

    @Inject
    private AccountService accounts;

    @Inject
    private FundHeader fundHeader;

    private Optional<UserAccount> user;

    private HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public boolean isLoggedIn() {
        return request().getUserPrincipal() != null;
    }

    public boolean hasRole(String roleName) {
        return request().isUserInRole(roleName);
    }

    public Role getRole() {
        for (Role role : Role.values()) {
            if (hasRole(role.roleName())) {
                return role;
            }
        }
        return null;
    }

    public String getRoleKey() {
        Role role = getRole();
        return role == null ? "role.PUBLIC" : "role." + role.name();
    }

    public String getStartPage() {
        Role role = getRole();
        return role == null ? "/index.xhtml" : role.startPage();
    }

    public UserAccount getUser() {
        if (user == null) {
            var principal = request().getUserPrincipal();
            user = principal == null ? Optional.empty() : accounts.findByEmail(principal.getName());
        }
        return user.orElse(null);
    }

    public String getDisplayName() {
        // Read by ActiveAccountFilter with the account's status, in the same statement.
        Object checked = request().getAttribute(ActiveAccountFilter.DISPLAY_NAME);
        if (checked instanceof String name) {
            return name;
        }
        UserAccount account = getUser();
        return account == null ? "" : account.getDisplayName();
    }

    public String getFundName() {
        return fundHeader.names(municipalityId()).fundName();
    }

    /** The municipality a logged-in member of staff works for (set by ActiveAccountFilter); null for others. */
    private Long municipalityId() {
        return request().getAttribute(ActiveAccountFilter.MUNICIPALITY_ID) instanceof Long id ? id : null;
    }

    /** The run command's demo mode: every page says so. */
    public boolean isDemo() {
        return Settings.flag(Settings.DEMO, false);
    }

    /** The municipality whose funds the header names. */
    public String getMunicipalityName() {
        return fundHeader.names(municipalityId()).municipalityName();
    }

    public void logout() throws IOException, jakarta.servlet.ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = request();
        HttpSession session = request.getSession(false);
        // Logged in through a municipality's identity provider: its session ends too (RP-initiated logout), or the
        // next "log in with your municipal account" would pass without a password.
        Object providerLogout = session == null ? null : session.getAttribute(OidcLoginServlet.PROVIDER_LOGOUT);
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        if (providerLogout instanceof String url) {
            external.redirect(url);
            return;
        }
        external.redirect(external.getRequestContextPath() + "/index.xhtml?loggedOut=true");
    }
}
